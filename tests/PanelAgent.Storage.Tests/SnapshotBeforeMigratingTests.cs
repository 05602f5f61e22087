using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Storage.Schema;
using PanelAgent.Storage.Sqlite;
using PanelAgent.Storage.Tests.Support;

namespace PanelAgent.Storage.Tests;

/// <summary>The opener's snapshot (SQLite backup API) before a migrating release touches the file (docs/release.md).</summary>
public sealed class SnapshotBeforeMigratingTests : IDisposable
{
    private static readonly IReadOnlyList<MigrationStep> s_v1Only = [.. Migrations.All.Where(s => s.Version <= 1)];
    private readonly TestDatabase _db = new();

    [Fact]
    public void Open_Version1FileWithEvents_SnapshotsTheVersion1FileBeforeMigrating()
    {
        var at = _db.Time.GetUtcNow();
        using (var v1 = _db.Raw())
        {
            SchemaMigrator.Migrate(v1, s_v1Only, NullLogger.Instance);
            using var statements = new WriterStatements(v1);
            statements.InsertEvent(TestEvents.Armed(at));
            statements.InsertEvent(TestEvents.Intrusion(at));
        }

        _db.Open().Store.Dispose();

        var snapshot = StorageSchema.SnapshotPath(_db.DbPath, 1);
        Assert.True(File.Exists(snapshot));
        using var copy = _db.Raw(snapshot);
        Assert.Equal(1L, SqliteSql.Scalar(copy, "SELECT version FROM schema_info"));
        Assert.Equal(2L, SqliteSql.Scalar(copy, "SELECT count(*) FROM events"));
        Assert.Equal(0L, SqliteSql.Scalar(copy, "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'acked_at'"));
    }

    [Fact]
    public void Open_FreshOrCurrentFile_TakesNoSnapshot()
    {
        _db.Open().Store.Dispose();
        _db.Open().Store.Dispose();

        Assert.Empty(Directory.EnumerateFiles(_db.DirectoryPath, "*.bak"));
    }

    public void Dispose() => _db.Dispose();
}
