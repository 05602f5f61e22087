using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.State;
using PanelAgent.Storage.Schema;
using PanelAgent.Storage.Tests.Support;

namespace PanelAgent.Storage.Tests;

/// <summary>Schema versions: steps run once, additive newer files still open, breaking newer files are refused.</summary>
public sealed class SchemaMigrationTests : IDisposable
{
    // What the transport issue is expected to add: an additive step that keeps min_reader_version at 1.
    private static readonly MigrationStep s_outboxStep = new(2, 1, """
        ALTER TABLE events ADD COLUMN acked_at INTEGER;
        CREATE INDEX events_unacked ON events (seq) WHERE acked_at IS NULL;
        """);

    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Open_TwiceOnOneFile_MigratesOnceAndKeepsTheData()
    {
        var first = _db.Open();
        first.Store.Commit([TestEvents.Armed(_db.Time.GetUtcNow())], PanelState.Initial);
        first.Store.Dispose();

        var second = _db.Open();
        using var store = second.Store;

        Assert.Equal(1, first.MigrationsApplied);
        Assert.Equal(0, second.MigrationsApplied);
        Assert.Equal(1L, _db.Scalar("SELECT version FROM schema_info"));
        Assert.Equal(1L, _db.Scalar("SELECT min_reader_version FROM schema_info"));
        Assert.Single(store.ReadEvents(0, 10));
    }

    [Fact]
    public void Open_FileOfANewerAdditiveRelease_OpensCommitsAndKeepsItsVersion()
    {
        var seeded = _db.Open().Store;
        seeded.Commit([TestEvents.Armed(_db.Time.GetUtcNow())], PanelState.Initial);
        seeded.Dispose();
        using (var newer = _db.Raw())
        {
            Assert.Equal(1, SchemaMigrator.Migrate(newer, [.. Migrations.All, s_outboxStep], NullLogger.Instance));
        }

        _db.Execute("UPDATE events SET acked_at = 1");
        var result = _db.Open();
        using var store = result.Store;
        store.Commit([TestEvents.Disarmed(_db.Time.GetUtcNow())], PanelState.Initial);

        Assert.False(result.Quarantined);
        Assert.Equal(0, result.MigrationsApplied);
        Assert.Equal([1L, 2L], store.ReadEvents(0, 10).Select(e => e.Sequence));
        Assert.Equal(2L, _db.Scalar("SELECT version FROM schema_info"));
    }

    [Fact]
    public void Open_MinReaderVersionAboveThisBuild_ThrowsAndLeavesTheFileUntouched()
    {
        _db.Open().Store.Dispose();
        _db.Execute("UPDATE schema_info SET version = 7, min_reader_version = 5");
        var before = SqliteStoreOpenerTests.Sha256(_db.DbPath);

        var error = Assert.Throws<SchemaTooNewException>(() => _db.Open());

        Assert.Equal((7L, 5L, 1), (error.FileVersion, error.FileMinReaderVersion, error.BuildVersion));
        Assert.Contains("left untouched", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, SqliteStoreOpenerTests.Sha256(_db.DbPath));
        Assert.Equal(["panel.db"], _db.FilesInDirectory());
    }

    [Fact]
    public void Migrate_FailingStep_LeavesTheFileWholeAtThePreviousVersion()
    {
        var broken = new MigrationStep(2, 1, "CREATE TABLE extra (x INTEGER); SELECT * FROM no_such_table;");
        using var connection = _db.Raw();

        Assert.Throws<SqliteException>(
            () => SchemaMigrator.Migrate(connection, [.. Migrations.All, broken], NullLogger.Instance));

        Assert.Equal(new SchemaVersion(1, 1), SchemaMigrator.ReadVersion(connection));
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"));
        Assert.Equal(1, SchemaMigrator.Migrate(connection, [.. Migrations.All, s_outboxStep], NullLogger.Instance));
    }
}
