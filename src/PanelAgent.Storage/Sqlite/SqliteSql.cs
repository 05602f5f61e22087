using Microsoft.Data.Sqlite;
using PanelAgent.Core.Ports;

namespace PanelAgent.Storage.Sqlite;

/// <summary>Small helpers for statements that run once (pragmas, checks, migrations), not on the alarm path.</summary>
internal static class SqliteSql
{
    // https://www.sqlite.org/rescode.html
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>True when SQLite says the file is damaged or not a database at all, as opposed to busy or full.</summary>
    public static bool IsCorruption(SqliteException exception) =>
        exception.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a statement with named parameters; returns the number of rows it changed.</summary>
    public static int Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Runs <c>PRAGMA quick_check</c> or <c>integrity_check</c>: null when "ok", else the findings.</summary>
    public static string? CheckProblems(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        // At most 10 findings: enough to say what is wrong, short enough for a log line.
        command.CommandText = $"PRAGMA {pragma}(10)";
        using var reader = command.ExecuteReader();
        var findings = new List<string>();
        while (reader.Read())
        {
            findings.Add(reader.GetString(0));
        }

        return findings is ["ok"] ? null : $"{pragma}: {string.Join("; ", findings)}";
    }

    /// <summary>
    /// Switches the file to WAL: readers never block the writer, and a commit is one append plus fsync.
    /// The mode is stored in the file, so this writes only the first time.
    /// </summary>
    public static void EnableWal(SqliteConnection connection)
    {
        var mode = Scalar(connection, "PRAGMA journal_mode = WAL") as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            // e.g. a file system without shared-memory mmap: refuse rather than run with weaker guarantees unnoticed.
            throw new StorageUnavailableException($"SQLite refused WAL journal mode (journal_mode is '{mode}').");
        }
    }

    /// <summary>Rolls back if a transaction is still open; SQLite may already have rolled back after an I/O error.</summary>
    public static void RollbackQuietly(SqliteConnection connection)
    {
        try
        {
            Execute(connection, "ROLLBACK");
        }
        catch (SqliteException)
        {
            // "cannot rollback - no transaction is active": nothing left to undo.
        }
    }
}
