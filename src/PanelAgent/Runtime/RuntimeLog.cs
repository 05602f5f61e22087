
namespace PanelAgent.Runtime;

/// <summary>Host log lines (EventId 4000-4099). No code, name or phone number, ever.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(4000, LogLevel.Information, "Inputs: {Description}")]
    public static partial void InputsOpened(ILogger logger, string description);

    [LoggerMessage(4001, LogLevel.Warning, "The event log was damaged and moved to {QuarantinedTo}; a fresh one was created")]
    public static partial void Quarantined(ILogger logger, string quarantinedTo);

    [LoggerMessage(4002, LogLevel.Information, "Enrolled {Count} provisioned users (codes hashed; remove them from the configuration)")]
    public static partial void Provisioned(ILogger logger, int count);

    [LoggerMessage(4003, LogLevel.Warning, "Provisioned user {Number} refused: {Reason}")]
    public static partial void ProvisionRefused(ILogger logger, int number, string reason);

    [LoggerMessage(4004, LogLevel.Information, "Retention: removed {ArmLog} arm/disarm entries, {History} alarm history entries")]
    public static partial void Pruned(ILogger logger, int armLog, int history);

    [LoggerMessage(4005, LogLevel.Information, "Panel ready in {Phase}: {Zones} zones, {Users} users")]
    public static partial void Ready(ILogger logger, string phase, int zones, int users);

    [LoggerMessage(4007, LogLevel.Critical, "The database cannot be opened; running without a log (events held in memory)")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(4006, LogLevel.Warning, "The stored engine state could not be read; starting disarmed")]
    public static partial void StateUnreadable(ILogger logger);
}
