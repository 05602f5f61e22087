using Microsoft.Extensions.Logging;

namespace PanelAgent.Hardware.Tests.Support;

/// <summary>One recorded log entry.</summary>
internal sealed record LogEntry(LogLevel Level, int EventId, string Message);
