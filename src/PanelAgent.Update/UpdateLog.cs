using Microsoft.Extensions.Logging;

namespace PanelAgent.Update;

/// <summary>Updater log messages, EventIds 8000-8099: versions, slots, steps and reasons; never panel data.</summary>
internal static partial class UpdateLog
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information,
        Message = "Update {FromVersion} -> {ToVersion}: verified (signed by {KeyName}); staging slot {Slot}")]
    public static partial void Verified(ILogger logger, string fromVersion, string toVersion, string keyName, string slot);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Update refused ({Refusal}): {Reason}")]
    public static partial void Refused(ILogger logger, UpdateRefusal refusal, string reason);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Update step {Step}")]
    public static partial void Step(ILogger logger, Journal.UpdateStep step);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Update to {Version} confirmed on slot {Slot}")]
    public static partial void Confirmed(ILogger logger, string version, string slot);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Error,
        Message = "Update to {Version} failed its confirmation ({Reason}); rolled back to slot {Slot}")]
    public static partial void RolledBack(ILogger logger, string version, string reason, string slot);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning,
        Message = "Interrupted update found at step {Step}; {Action}")]
    public static partial void Recovering(ILogger logger, Journal.UpdateStep step, string action);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Warning,
        Message = "Restored the database snapshot {Snapshot}: the previous release cannot read the migrated file")]
    public static partial void SnapshotRestored(ILogger logger, string snapshot);
}
