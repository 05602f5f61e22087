using PanelAgent.Storage.Schema;

namespace PanelAgent.Storage;

/// <summary>
/// The schema this build writes, for release manifests and the updater's compatibility check. A file whose
/// <c>min_reader_version</c> is above <see cref="CurrentVersion"/> cannot be opened by this build.
/// </summary>
public static class StorageSchema
{
    /// <summary>The newest schema version this build writes and understands.</summary>
    public static int CurrentVersion => Migrations.CurrentVersion;

    /// <summary>The oldest build (by schema version) that can still run on a file this build migrated.</summary>
    public static int MinReaderVersion => Migrations.All[^1].MinReaderVersion;

    /// <summary>The snapshot the opener takes with the backup API before migrating a file from <paramref name="fromVersion"/>.</summary>
    public static string SnapshotPath(string databasePath, long fromVersion) =>
        $"{databasePath}.pre-v{fromVersion}.bak";
}
