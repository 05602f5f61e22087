using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.State;
using PanelAgent.Storage.Schema;
using PanelAgent.Storage.Sqlite;
using PanelAgent.Storage.Tests.Support;

namespace PanelAgent.Storage.Tests;

/// <summary>Schema versions: steps run once, additive newer files still open, breaking newer files are refused.</summary>
public sealed class SchemaMigrationTests : IDisposable
{
    // A future release's additive step, one past this build: it keeps min_reader_version at 1.
    private static readonly MigrationStep s_futureStep = new(Migrations.CurrentVersion + 1, 1, """
        ALTER TABLE events ADD COLUMN future_note TEXT;
        CREATE INDEX events_future ON events (seq) WHERE future_note IS NULL;
        """);

    private static readonly IReadOnlyList<MigrationStep> s_v1Only = [.. Migrations.All.Where(s => s.Version <= 1)];

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

        Assert.Equal(Migrations.All.Count, first.MigrationsApplied); // versions may have gaps between branches
        Assert.Equal(0, second.MigrationsApplied);
        Assert.Equal((long)Migrations.CurrentVersion, _db.Scalar("SELECT version FROM schema_info"));
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
            Assert.Equal(1, SchemaMigrator.Migrate(newer, [.. Migrations.All, s_futureStep], NullLogger.Instance));
        }

        _db.Execute("UPDATE events SET future_note = 'x'");
        var result = _db.Open();
        using var store = result.Store;
        store.Commit([TestEvents.Disarmed(_db.Time.GetUtcNow())], PanelState.Initial);

        Assert.False(result.Quarantined);
        Assert.Equal(0, result.MigrationsApplied);
        Assert.Equal([1L, 2L], store.ReadEvents(0, 10).Select(e => e.Sequence));
        Assert.Equal((long)s_futureStep.Version, _db.Scalar("SELECT version FROM schema_info"));
    }

    [Fact]
    public void Open_MinReaderVersionAboveThisBuild_ThrowsAndLeavesTheFileUntouched()
    {
        _db.Open().Store.Dispose();
        _db.Execute("UPDATE schema_info SET version = 7, min_reader_version = 5");
        var before = SqliteStoreOpenerTests.Sha256(_db.DbPath);

        var error = Assert.Throws<SchemaTooNewException>(() => _db.Open());

        Assert.Equal((7L, 5L, Migrations.CurrentVersion), (error.FileVersion, error.FileMinReaderVersion, error.BuildVersion));
        Assert.Contains("left untouched", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, SqliteStoreOpenerTests.Sha256(_db.DbPath));
        Assert.Equal(["panel.db"], _db.FilesInDirectory());
    }

    [Fact]
    public void Migrate_FailingStep_LeavesTheFileWholeAtThePreviousVersion()
    {
        var broken = new MigrationStep(s_futureStep.Version, 1,
            "CREATE TABLE extra (x INTEGER); SELECT * FROM no_such_table;");
        using var connection = _db.Raw();

        Assert.Throws<SqliteException>(
            () => SchemaMigrator.Migrate(connection, [.. Migrations.All, broken], NullLogger.Instance));

        Assert.Equal(new SchemaVersion(Migrations.CurrentVersion, 1), SchemaMigrator.ReadVersion(connection));
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"));
        Assert.Equal(1, SchemaMigrator.Migrate(connection, [.. Migrations.All, s_futureStep], NullLogger.Instance));
    }

    [Fact]
    public void Migrations_Version2_IsAdditiveAndKeepsMinReaderVersionAt1()
    {
        var step = Assert.Single(Migrations.All, s => s.Version == 2);

        Assert.Equal(1, step.MinReaderVersion);
        Assert.DoesNotMatch(@"(?i)\bDROP\s+(TABLE|INDEX|COLUMN)\b|\bRENAME\b", step.Sql);
    }

    [Fact]
    public void Open_Version1FileWithEvents_MigratesTo2AndLeavesEveryEventPending()
    {
        var at = _db.Time.GetUtcNow();
        using (var v1 = _db.Raw())
        {
            // A v1 file as the v1 release made it: its migration list, then its own INSERT (which names v1 columns).
            Assert.Equal(1, SchemaMigrator.Migrate(v1, s_v1Only, NullLogger.Instance));
            using var statements = new WriterStatements(v1);
            statements.InsertEvent(TestEvents.Armed(at));
            statements.InsertEvent(TestEvents.Intrusion(at));
        }

        var result = _db.Open();
        using var store = result.Store;

        // Every step after v1 (later issues append theirs; all additive).
        Assert.Equal(Migrations.All.Count - 1, result.MigrationsApplied);
        Assert.Equal(((long)Migrations.CurrentVersion, 1L), ((long)_db.Scalar("SELECT version FROM schema_info")!,
            (long)_db.Scalar("SELECT min_reader_version FROM schema_info")!));
        Assert.Equal(2, store.PendingCount);
        Assert.Equal([2L, 1L], store.NextToSend(10).Select(e => e.Sequence)); // the alarm first
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM events WHERE acked_at IS NOT NULL OR dropped_at IS NOT NULL"));
    }

    [Fact]
    public void Commit_WithVersion1Insert_OnVersion2File_RowIsPendingForTheNewerBuild()
    {
        // What a v1 build does after a downgrade: it inserts naming only its columns, and the v2 columns stay NULL,
        // so the row is simply pending when the newer build comes back.
        _db.Open().Store.Dispose();
        using (var v1 = _db.Raw())
        {
            using var statements = new WriterStatements(v1);
            statements.InsertEvent(TestEvents.Disarmed(_db.Time.GetUtcNow()));
        }

        using var store = _db.Open().Store;

        Assert.Equal(1L, store.NextToSend(10).Single().Sequence);
    }
}
