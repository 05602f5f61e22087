using Microsoft.Extensions.Logging;
using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Transport.Commands;

/// <summary>Command receiver log messages, EventIds 5090-5099. Command names and ids only, never arguments.</summary>
internal static partial class CommandLog
{
    [LoggerMessage(EventId = 5090, Level = LogLevel.Warning, Message = "Command message rejected: {Status}; ignored")]
    public static partial void Rejected(ILogger logger, OpenStatus status);

    [LoggerMessage(EventId = 5091, Level = LogLevel.Warning,
        Message = "Command sealed before this link started (a replay across a restart?); ignored")]
    public static partial void SealedBeforeStart(ILogger logger);

    [LoggerMessage(EventId = 5092, Level = LogLevel.Warning, Message = "Command message authentic but not a command; ignored")]
    public static partial void Malformed(ILogger logger);

    [LoggerMessage(EventId = 5093, Level = LogLevel.Information, Message = "Station command {Command} ({Id}) received")]
    public static partial void Received(ILogger logger, string command, string id);
}
