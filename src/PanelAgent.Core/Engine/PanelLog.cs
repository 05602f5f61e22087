using Microsoft.Extensions.Logging;

namespace PanelAgent.Core.Engine;

/// <summary>Engine log lines (EventId 1000-1099). Kinds, zone ids and user numbers only: never a code or a name.</summary>
internal static partial class PanelLog
{
    [LoggerMessage(1000, LogLevel.Information, "Panel resumed in {Phase} (armed: {Armed})")]
    public static partial void Resumed(ILogger logger, string phase, bool armed);

    [LoggerMessage(1001, LogLevel.Information, "Event {Kind} zone={Zone}")]
    public static partial void Event(ILogger logger, string kind, string? zone);

    [LoggerMessage(1010, LogLevel.Debug, "Event {Kind}")]
    public static partial void RoutineEvent(ILogger logger, string kind);

    [LoggerMessage(1002, LogLevel.Error, "Storage failed; {Unsaved} events held in memory, alarm path continues")]
    public static partial void StorageFailed(ILogger logger, Exception exception, int unsaved);

    [LoggerMessage(1003, LogLevel.Information, "Storage recovered; {Saved} held events written")]
    public static partial void StorageRecovered(ILogger logger, int saved);

    [LoggerMessage(1004, LogLevel.Debug, "Trigger {Trigger} ignored in {Phase}: not in the transition table")]
    public static partial void Ignored(ILogger logger, string trigger, string phase);

    [LoggerMessage(1005, LogLevel.Warning, "Output {Output} could not be set to {On}")]
    public static partial void OutputFailed(ILogger logger, string output, bool on);

    [LoggerMessage(1006, LogLevel.Warning, "Wrong code entered ({WrongInARow} in a row)")]
    public static partial void WrongCode(ILogger logger, int wrongInARow);

    [LoggerMessage(1007, LogLevel.Warning, "Code entered while the keypad is locked; refused")]
    public static partial void Locked(ILogger logger);

    [LoggerMessage(1008, LogLevel.Error, "An event observer threw; ignored")]
    public static partial void ObserverFailed(ILogger logger, Exception exception);

    [LoggerMessage(1009, LogLevel.Warning, "In-memory event buffer full; dropped {Dropped} non-alarm events")]
    public static partial void BufferDropped(ILogger logger, int dropped);
}
