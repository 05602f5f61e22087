using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage.Schema;

/// <summary>Reads the schema version and applies the missing migration steps, each in its own transaction.</summary>
internal static class SchemaMigrator
{
    public static SchemaVersion ReadVersion(SqliteConnection connection)
    {
        var hasTable = (long)SqliteSql.Scalar(connection,
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_info'")!;
        if (hasTable == 0)
        {
            return default;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, min_reader_version FROM schema_info WHERE id = 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? new SchemaVersion(reader.GetInt64(0), reader.GetInt64(1)) : default;
    }

    /// <summary>Applies every step newer than the file; returns how many ran (0 on an up-to-date or newer file).</summary>
    public static int Migrate(SqliteConnection connection, IReadOnlyList<MigrationStep> steps, ILogger logger)
    {
        var current = ReadVersion(connection).Version;
        var applied = 0;
        foreach (var step in steps.Where(s => s.Version > current).OrderBy(s => s.Version))
        {
            if (Apply(connection, step))
            {
                applied++;
                StorageLog.MigrationApplied(logger, step.Version);
            }
        }

        return applied;
    }

    private static bool Apply(SqliteConnection connection, MigrationStep step)
    {
        // One transaction per step: a failed step leaves the file at the previous version, whole.
        SqliteSql.Execute(connection, "BEGIN IMMEDIATE");
        try
        {
            // Re-read under the write lock so a second process opening the same file never applies a step twice.
            var version = ReadVersion(connection);
            if (version.Version >= step.Version)
            {
                SqliteSql.Execute(connection, "ROLLBACK");
                return false;
            }

            SqliteSql.Execute(connection, step.Sql);
            Record(connection, step);
            SqliteSql.Execute(connection, "COMMIT");
            return true;
        }
        catch
        {
            SqliteSql.RollbackQuietly(connection);
            throw;
        }
    }

    private static void Record(SqliteConnection connection, MigrationStep step)
    {
        using var command = connection.CreateCommand();
        // min_reader_version never goes down: an additive step must not re-admit readers a breaking one excluded.
        command.CommandText = """
            INSERT INTO schema_info (id, version, min_reader_version) VALUES (1, $version, $minReader)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version,
                min_reader_version = max(min_reader_version, excluded.min_reader_version)
            """;
        command.Parameters.AddWithValue("$version", step.Version);
        command.Parameters.AddWithValue("$minReader", step.MinReaderVersion);
        command.ExecuteNonQuery();
    }
}
