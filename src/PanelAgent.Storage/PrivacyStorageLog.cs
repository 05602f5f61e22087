using Microsoft.Extensions.Logging;

namespace PanelAgent.Storage;

/// <summary>Access-log and privacy storage messages, EventIds 7000-7019 (issue 5's range). Counts only.</summary>
internal static partial class PrivacyStorageLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Warning,
        Message = "The access log could not be written; {Held} entr(y/ies) held in memory until storage works again")]
    public static partial void AccessHeld(ILogger logger, int held);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Retention removed {Removed} access-log entries older than 12 months; the chain is anchored at the last")]
    public static partial void AccessPruned(ILogger logger, int removed);
}
