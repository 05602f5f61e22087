using Microsoft.Data.Sqlite;

namespace PanelAgent.Update.Verification;

/// <summary>The panel database's <c>schema_info</c> row, read without writing anything (read-only connection).</summary>
public readonly record struct DatabaseSchema(long Version, long MinReaderVersion)
{
    /// <summary>Null when there is no database yet (any schema will do).</summary>
    public static DatabaseSchema? Read(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT version, min_reader_version FROM schema_info
            WHERE id = 1 AND EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_info')
            """;
        try
        {
            using var reader = command.ExecuteReader();
            return reader.Read() ? new DatabaseSchema(reader.GetInt64(0), reader.GetInt64(1)) : null;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            return null; // no schema_info table: a file no migration has touched
        }
    }
}
