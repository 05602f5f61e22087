using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PanelAgent.Core.Ports;
using PanelAgent.Storage.Schema;
using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage;

/// <summary>
/// Opens the store at start-up: checks the file, refuses one from a too-new release, applies migrations, and moves a
/// damaged file aside so that the panel starts with a fresh log instead of not starting at all.
/// </summary>
public static class SqliteStoreOpener
{
    private static readonly string[] s_companionSuffixes = ["-wal", "-shm", "-journal"];

    /// <inheritdoc cref="Open(StorageOptions, TimeProvider, ILogger)"/>
    public static StoreOpenResult Open(string path, TimeProvider time, ILogger logger) =>
        Open(new StorageOptions { Path = path }, time, logger);

    /// <summary>Opens (creating when missing) the database named by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names the field.</exception>
    /// <exception cref="SchemaTooNewException">A newer release's file this build must not use; left untouched.</exception>
    /// <exception cref="StorageUnavailableException">The file cannot be opened for another reason (permissions, I/O).</exception>
    public static StoreOpenResult Open(StorageOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        var factory = new SqliteConnectionFactory(Path.GetFullPath(options.Path), options.BusyTimeout);
        var prepared = TryPrepare(factory, logger, out var problem);
        string? quarantinedTo = null;
        if (prepared is null)
        {
            quarantinedTo = Quarantine(factory.Path, time);
            StorageLog.Quarantined(logger, factory.Path, problem!, quarantinedTo);
            prepared = TryPrepare(factory, logger, out var freshProblem)
                ?? throw new StorageUnavailableException($"A fresh database at '{factory.Path}' failed too: {freshProblem}");
            SequenceFloor.Apply(prepared.Connection, quarantinedTo, time, logger);
        }

        StorageLog.Opened(logger, factory.Path, prepared.Schema.Version, prepared.MigrationsApplied);
        var store = new SqliteEventStore(prepared.Connection, factory, time, logger, options.OutboxCapacity);
        return new StoreOpenResult(store, quarantinedTo, problem, prepared.MigrationsApplied);
    }

    /// <summary>Null (with the reason) when the file is damaged; throws for anything that is not damage.</summary>
    private static Prepared? TryPrepare(SqliteConnectionFactory factory, ILogger logger, out string? problem)
    {
        problem = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(factory.Path)!);
            return Prepare(factory, logger);
        }
        catch (CorruptDatabaseException ex)
        {
            problem = ex.Message;
        }
        catch (SqliteException ex) when (SqliteSql.IsCorruption(ex))
        {
            problem = ex.Message;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"Could not open the database at '{factory.Path}'.", ex);
        }

        return null;
    }

    private static Prepared Prepare(SqliteConnectionFactory factory, ILogger logger)
    {
        var connection = factory.Open(create: true);
        try
        {
            // quick_check, not integrity_check: it verifies every page and b-tree (what a torn write or a bad
            // sector breaks) but skips matching each index against its table, which makes integrity_check
            // O(N log N) and slow to boot on an SD card. The full check is IntegrityCheck(), for tests and tools.
            if (SqliteSql.CheckProblems(connection, "quick_check") is { } problem)
            {
                throw new CorruptDatabaseException(problem);
            }

            // Checked before anything writes (even the journal mode), so a refused file stays byte for byte as is.
            var found = SchemaMigrator.ReadVersion(connection);
            ThrowIfTooNew(factory.Path, found, logger);
            SqliteSql.EnableWal(connection);
            SnapshotBeforeMigrating(connection, factory.Path, found, logger);
            var applied = SchemaMigrator.Migrate(connection, Migrations.All, logger);
            return new Prepared(connection, SchemaMigrator.ReadVersion(connection), applied);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A migrating release first copies the file with the SQLite backup API (a hot WAL is part of the database, so a
    /// file copy is not a backup), so that the updater can hand the previous release a file it can read if the new
    /// release is rolled back (docs/release.md). A failed snapshot stops nothing: the alarm path matters more.
    /// </summary>
    private static void SnapshotBeforeMigrating(SqliteConnection connection, string path, SchemaVersion found, ILogger logger)
    {
        if (found.Version == 0 || found.Version >= Migrations.CurrentVersion)
        {
            return;
        }

        var target = StorageSchema.SnapshotPath(path, found.Version);
        try
        {
            File.Delete(target);
            using var destination = new SqliteConnection($"Data Source={target};Pooling=False");
            destination.Open();
            connection.BackupDatabase(destination);
            StorageSnapshotLog.Taken(logger, target, found.Version);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            StorageSnapshotLog.Failed(logger, target, ex);
        }
    }

    private static void ThrowIfTooNew(string path, SchemaVersion found, ILogger logger)
    {
        var build = Migrations.CurrentVersion;
        if (found.MinReaderVersion > build)
        {
            StorageLog.SchemaTooNew(logger, path, found.MinReaderVersion, build);
            throw new SchemaTooNewException(path, found.Version, found.MinReaderVersion, build);
        }

        if (found.Version > build)
        {
            StorageLog.NewerCompatibleSchema(logger, found.Version, build);
        }
    }

    /// <summary>
    /// Moves the file and its companions to <c>&lt;name&gt;.corrupt-&lt;UTC yyyyMMddTHHmmssZ&gt;</c>. The companions
    /// keep their suffix after the new name, so sqlite3 opens the quarantined set as it was. (SQLite itself already
    /// checkpoints a readable WAL and discards an unreadable one when the failed connection closes, so the companions
    /// are usually gone by now; moving them is for when that close could not finish.)
    /// </summary>
    internal static string Quarantine(string path, TimeProvider time)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = $"{path}.corrupt-{stamp}";
        // Two quarantines within one second (a boot loop) must not overwrite the first evidence.
        for (var n = 2; File.Exists(target); n++)
        {
            target = $"{path}.corrupt-{stamp}-{n}";
        }

        try
        {
            File.Move(path, target);
            foreach (var suffix in s_companionSuffixes.Where(s => File.Exists(path + s)))
            {
                File.Move(path + suffix, target + suffix);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"Could not move the damaged database '{path}' aside.", ex);
        }

        return target;
    }

    private sealed record Prepared(SqliteConnection Connection, SchemaVersion Schema, int MigrationsApplied);
}
