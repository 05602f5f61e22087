using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.Capture;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Core.State;
using PanelAgent.Storage.Images;
using PanelAgent.Storage.Tests.Support;

namespace PanelAgent.Storage.Tests.Images;

public sealed class SqliteImageStoreTests : IDisposable
{
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. "synthetic-frame"u8.ToArray(), 0xFF, 0xD9];
    private readonly TestDatabase _db = new();
    private readonly RecordingAccessLog _access = new();
    private readonly SqliteEventStore _events;
    private readonly SqliteImageStore _images;
    private readonly string _imageDir;

    public SqliteImageStoreTests()
    {
        _events = _db.Open().Store;
        _imageDir = Path.Combine(_db.DirectoryPath, "images");
        _images = Open(quota: 1L << 20);
    }

    [Fact]
    public void Save_ThenRead_RoundTripsAndFileHoldsNoPlaintext()
    {
        var id = _images.Save(Record(7), s_jpeg);
        Assert.Equal(s_jpeg, _images.Read(id));
        var file = Assert.Single(Directory.GetFiles(_imageDir));
        var onDisk = File.ReadAllBytes(file);
        Assert.False(onDisk.AsSpan().IndexOf("synthetic-frame"u8) >= 0, "plaintext on disk");
        Assert.False(onDisk.AsSpan().IndexOf([(byte)0xFF, (byte)0xD8, (byte)0xFF]) >= 0, "JPEG marker on disk");
        Assert.Contains(_access.Entries, e => e.Action == AccessActions.ImageCaptured && e.Subject == "alarm:7");
    }

    [Fact]
    public void Prune_At7Days_DeletesKeyRowAndFile_CopyStaysUnreadable()
    {
        var id = _images.Save(Record(7), s_jpeg);
        var copy = File.ReadAllBytes(Assert.Single(Directory.GetFiles(_imageDir)));
        _db.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _images.Prune(_db.Time.GetUtcNow()));
        _db.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _images.Prune(_db.Time.GetUtcNow()));
        Assert.Null(_images.Read(id));
        Assert.Empty(Directory.GetFiles(_imageDir));
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM images"));
        Assert.True(copy.Length > s_jpeg.Length); // the copy exists, but no key in the database opens it any more
        Assert.Contains(_access.Entries, e => e.Action == AccessActions.ImageDeleted);
    }

    [Fact]
    public void Hold_ClampedTo30DaysFromCapture()
    {
        _images.Save(Record(7), s_jpeg);
        _images.Save(Record(8), s_jpeg);
        Assert.Equal(1, _images.Hold(7, _db.Time.GetUtcNow() + TimeSpan.FromDays(90), "station"));
        var held = Assert.Single(_images.ForAlarm(7));
        Assert.Equal(held.Record.CapturedAt + TimeSpan.FromDays(30), held.ExpiresAt);
        Assert.True(held.OnHold);
        _db.Time.Advance(TimeSpan.FromDays(8));
        _images.Prune(_db.Time.GetUtcNow());
        Assert.Single(_images.ForAlarm(7));
        Assert.Empty(_images.ForAlarm(8));
        _db.Time.Advance(TimeSpan.FromDays(22));
        _images.Prune(_db.Time.GetUtcNow());
        Assert.Empty(_images.ForAlarm(7));
        Assert.Contains(_access.Entries, e => e.Action == AccessActions.ImageHeld && e.Actor == "station");
    }

    [Fact]
    public void Hold_ShorterThanRetention_NeverShortens()
    {
        _images.Save(Record(7), s_jpeg);
        _images.Hold(7, _db.Time.GetUtcNow() + TimeSpan.FromDays(1), "station");
        Assert.Equal(_db.Time.GetUtcNow() + TimeSpan.FromDays(7), Assert.Single(_images.ForAlarm(7)).ExpiresAt);
    }

    [Fact]
    public void Save_OverQuota_EvictsOldestNotOnHold()
    {
        using var small = Open(quota: ImageStoreOptions.MinQuotaBytes);
        var big = new byte[400_000];
        var first = small.Save(Record(1), big);
        var second = small.Save(Record(2), big);
        small.Hold(1, _db.Time.GetUtcNow() + TimeSpan.FromDays(20), "station");
        var third = small.Save(Record(3), big);
        Assert.NotNull(small.Read(first)); // on hold: kept
        Assert.Null(small.Read(second));   // oldest not on hold: evicted
        Assert.NotNull(small.Read(third));
        Assert.Contains(_access.Entries, e => e.Action == AccessActions.ImageDeleted && e.Detail!.Contains("quota", StringComparison.Ordinal));
    }

    [Fact]
    public void Withheld_NotUnsentUntilReleased_DiscardDeletesOnlyWithheld()
    {
        _images.Save(Record(5, withheld: true), s_jpeg);
        _images.Save(Record(6), s_jpeg);
        Assert.Equal([6L], _images.Unsent(10).Select(i => i.Record.AlarmSeq));
        Assert.Equal(1, _images.Release(5));
        Assert.Equal([5L, 6L], _images.Unsent(10).Select(i => i.Record.AlarmSeq));
        _images.Save(Record(9, withheld: true), s_jpeg);
        Assert.Equal(1, _images.Discard(9));
        Assert.Equal(0, _images.Discard(6));
        Assert.Equal(2, _images.Count);
        Assert.Contains(_access.Entries, e => e.Action == AccessActions.ImageDiscarded && e.Subject == "alarm:9");
    }

    [Fact]
    public void MarkSent_LeavesUnsentAndIsLogged()
    {
        var id = _images.Save(Record(7), s_jpeg);
        _images.MarkSent(id, _db.Time.GetUtcNow());
        Assert.Empty(_images.Unsent(10));
        Assert.Contains(_access.Entries, e => e.Action == AccessActions.ImageSent);
    }

    [Fact]
    public void MarkSent_AfterTheStoreWasClosed_IsStorageTroubleNotASqliteSurprise()
    {
        var id = _images.Save(Record(7), s_jpeg);
        _images.Dispose(); // a stop: capture closed its store while the image sender still records an ack

        Assert.Throws<StorageUnavailableException>(() => _images.MarkSent(id, _db.Time.GetUtcNow()));
        Assert.Throws<StorageUnavailableException>(() => _images.Unsent(10));
    }

    [Fact]
    public void ReadCursor_SchemaJustArrived_EveryLaterEventIsDecided_ThenPersists()
    {
        _events.Commit([TestEvents.Intrusion(_db.Time.GetUtcNow()), TestEvents.SirenOn(_db.Time.GetUtcNow())], PanelState.Initial);
        Assert.Equal(0, _images.ReadCursor()); // set when v4 arrived on an empty log: the two events are still to decide
        _images.SaveCursor(5);
        using var again = Open(quota: 1L << 20);
        Assert.Equal(5, again.ReadCursor());
    }

    [Fact]
    public void Migrate_FileWithHistory_CursorStartsAtItsNewestEvent()
    {
        var dir = Path.Combine(_db.DirectoryPath, "old");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "panel.db");
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            Schema.SchemaMigrator.Migrate(old, [.. Schema.Migrations.All.Where(m => m.Version <= 2)], NullLogger.Instance);
            using var writer = new Sqlite.WriterStatements(old);
            writer.InsertEvent(TestEvents.Intrusion(_db.Time.GetUtcNow()));
            writer.InsertEvent(TestEvents.SirenOn(_db.Time.GetUtcNow()));
        }

        using var store = SqliteStoreOpener.Open(path, _db.Time, NullLogger.Instance).Store;
        using var images = SqliteImageStore.Open(path, new ImageStoreOptions { Directory = Path.Combine(dir, "images") },
            _access, _db.Time, NullLogger.Instance);
        Assert.Equal(2, images.ReadCursor()); // history from before the cameras is never replayed into captures
    }

    [Fact]
    public void Open_OrphanFileFromACrash_IsRemoved()
    {
        File.WriteAllBytes(Path.Combine(_imageDir, "deadbeef.img"), [1, 2, 3]);
        using var reopened = Open(quota: 1L << 20);
        Assert.Empty(Directory.GetFiles(_imageDir));
    }

    public void Dispose()
    {
        _images.Dispose();
        _events.Dispose();
        _db.Dispose();
    }

    private SqliteImageStore Open(long quota) => SqliteImageStore.Open(_db.DbPath,
        new ImageStoreOptions { Directory = _imageDir, QuotaBytes = quota }, _access, _db.Time, NullLogger.Instance);

    private ImageRecord Record(long alarm, bool withheld = false) => new(alarm, "hall-pir", "hall-cam", 0,
        withheld ? CaptureReason.Sabotage : CaptureReason.Intrusion, withheld, _db.Time.GetUtcNow(), 640, 480);
}
