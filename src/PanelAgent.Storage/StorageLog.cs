using Microsoft.Extensions.Logging;

namespace PanelAgent.Storage;

/// <summary>
/// Storage log messages, EventIds 3000-3099. They carry paths, counts, sequences and SQLite's own messages only:
/// never an event's zone, user or detail, a user label or a code hash (P9).
/// </summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information,
        Message = "Storage opened at {Path}: schema version {SchemaVersion}, {MigrationsApplied} migration step(s) applied")]
    public static partial void Opened(ILogger logger, string path, long schemaVersion, int migrationsApplied);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Storage schema migrated to version {Version}")]
    public static partial void MigrationApplied(ILogger logger, int version);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Storage schema version {FileVersion} is newer than this build's {BuildVersion}; its changes are " +
            "additive, continuing")]
    public static partial void NewerCompatibleSchema(ILogger logger, long fileVersion, int buildVersion);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Critical,
        Message = "Storage file {Path} needs a reader of schema version {MinReaderVersion}; this build understands " +
            "{BuildVersion}. The file was left untouched")]
    public static partial void SchemaTooNew(ILogger logger, string path, long minReaderVersion, int buildVersion);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error,
        Message = "Storage file {Path} was unreadable ({Problem}); moved it aside to {QuarantinedTo} and started a " +
            "fresh database")]
    public static partial void Quarantined(ILogger logger, string path, string problem, string quarantinedTo);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug,
        Message = "Committed {Count} event(s), last sequence {LastSequence}")]
    public static partial void Committed(ILogger logger, int count, long lastSequence);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error,
        Message = "Storage {Operation} failed; the connection is reopened on the next call")]
    public static partial void OperationFailed(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Error,
        Message = "The stored panel state is unreadable; starting without it")]
    public static partial void StateUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information,
        Message = "Retention removed {ArmLogRemoved} arm/disarm entries, {AlarmHistoryRemoved} alarm history entries " +
            "and {EventsRemoved} events")]
    public static partial void Pruned(ILogger logger, int armLogRemoved, int alarmHistoryRemoved, int eventsRemoved);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning,
        Message = "User {Number} has an unreadable code hash and was skipped; that user cannot enter a code")]
    public static partial void UnreadableCodeHash(ILogger logger, int number);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Error, Message = "Storage integrity check failed: {Problem}")]
    public static partial void IntegrityProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Warning,
        Message = "The outbox was above its capacity of {Capacity}: dropped {Dropped} unacknowledged non-alarm " +
            "event(s) that will not reach the station")]
    public static partial void OutboxDropped(ILogger logger, int dropped, int capacity);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Information, Message = "Took nonce epoch {Epoch}")]
    public static partial void NonceEpochTaken(ILogger logger, uint epoch);
}
