using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace PanelAgent.Storage.Tests.Support;

/// <summary>A real SQLite file in a private temp directory, deleted with everything beside it on Dispose.</summary>
internal sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        DirectoryPath = Path.Combine(Path.GetTempPath(), "panelagent-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DirectoryPath);
        DbPath = Path.Combine(DirectoryPath, "panel.db");
    }

    public string DirectoryPath { get; }

    public string DbPath { get; set; }

    /// <summary>The panel's clock: 2025-05-31 12:00 UTC, so three calendar months back is 28 February.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 5, 31, 12, 0, 0, TimeSpan.Zero));

    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>Opens through the real opener, with the shortest busy timeout so lock tests stay quick.</summary>
    public StoreOpenResult Open(int outboxCapacity = 50_000) => SqliteStoreOpener.Open(
        new StorageOptions { Path = DbPath, BusyTimeout = TimeSpan.FromSeconds(1), OutboxCapacity = outboxCapacity },
        Time, Logger);

    /// <summary>A second, independent connection (no pool, so closing it really closes the file).</summary>
    public SqliteConnection Raw(string? path = null)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path ?? DbPath,
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = 1,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Execute(string sql)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public string[] FilesInDirectory() =>
        [.. Directory.GetFiles(DirectoryPath).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public void Dispose() => Directory.Delete(DirectoryPath, recursive: true);
}
