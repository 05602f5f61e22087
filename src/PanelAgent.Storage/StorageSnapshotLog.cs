using Microsoft.Extensions.Logging;

namespace PanelAgent.Storage;

/// <summary>The pre-migration snapshot's log messages: EventIds 8100-8109 (the release range), paths and versions only.</summary>
internal static partial class StorageSnapshotLog
{
    [LoggerMessage(EventId = 8100, Level = LogLevel.Information,
        Message = "Storage snapshot of schema version {FromVersion} taken at {Path} before migrating")]
    public static partial void Taken(ILogger logger, string path, long fromVersion);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Error,
        Message = "Storage snapshot at {Path} failed; migrating without one")]
    public static partial void Failed(ILogger logger, string path, Exception exception);
}
