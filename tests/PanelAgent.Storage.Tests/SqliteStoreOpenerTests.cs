using System.Security.Cryptography;
using PanelAgent.Core.State;
using PanelAgent.Storage.Tests.Support;

namespace PanelAgent.Storage.Tests;

/// <summary>Start-up: damaged files are quarantined, a newer release's file is refused untouched.</summary>
public sealed class SqliteStoreOpenerTests : IDisposable
{
    // The panel's clock in TestDatabase: 2025-05-31 12:00:00 UTC.
    private const string Stamp = "20250531T120000Z";
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Open_MissingParentDirectories_CreatesThemAndTheDatabase()
    {
        _db.DbPath = Path.Combine(_db.DirectoryPath, "var", "lib", "panel.db");

        using var store = _db.Open().Store;

        Assert.True(File.Exists(_db.DbPath));
        Assert.Null(store.LoadState());
    }

    [Fact]
    public void Open_GarbageFile_QuarantinesItUnderATimestampAndStartsFresh()
    {
        var garbage = Garbage(8192);
        File.WriteAllBytes(_db.DbPath, garbage);

        var result = _db.Open();
        using var store = result.Store;

        var expected = Path.Combine(_db.DirectoryPath, $"panel.db.corrupt-{Stamp}");
        Assert.Equal(expected, result.QuarantinedTo);
        Assert.Contains("not a database", result.Problem, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(expected));
        AssertFreshStoreWorks(store);
    }

    [Fact]
    public void Quarantine_FileWithCompanions_MovesThemKeepingTheirSuffixes()
    {
        foreach (var name in new[] { "panel.db", "panel.db-wal", "panel.db-shm" })
        {
            File.WriteAllText(Path.Combine(_db.DirectoryPath, name), name);
        }

        var target = SqliteStoreOpener.Quarantine(_db.DbPath, _db.Time);

        Assert.Equal(_db.DbPath + $".corrupt-{Stamp}", target);
        Assert.Equal([$"panel.db.corrupt-{Stamp}", $"panel.db.corrupt-{Stamp}-shm", $"panel.db.corrupt-{Stamp}-wal"],
            _db.FilesInDirectory());
        Assert.Equal("panel.db-wal", File.ReadAllText(target + "-wal"));
    }

    [Fact]
    public void Open_GarbagePageInsideAValidDatabase_Quarantines()
    {
        FillDatabase();
        var bytes = File.ReadAllBytes(_db.DbPath);
        var pages = bytes.Length / 4096;
        Garbage(4096).CopyTo(bytes, (pages / 2) * 4096);
        File.WriteAllBytes(_db.DbPath, bytes);

        var result = _db.Open();
        using var store = result.Store;

        Assert.True(result.Quarantined);
        Assert.NotNull(result.Problem);
        AssertFreshStoreWorks(store);
    }

    [Fact]
    public void Open_TruncatedDatabase_Quarantines()
    {
        FillDatabase();
        using (var file = new FileStream(_db.DbPath, FileMode.Open))
        {
            file.SetLength(file.Length * 6 / 10);
        }

        var result = _db.Open();
        using var store = result.Store;

        Assert.True(result.Quarantined);
        AssertFreshStoreWorks(store);
    }

    [Fact]
    public void Open_QuickCheckReportsDamage_QuarantinesWithTheReport()
    {
        FillDatabase();
        var bytes = File.ReadAllBytes(_db.DbPath);
        bytes[39] = 5; // header offset 36, big-endian: five free pages claimed, none exist. SQLite reads on; quick_check objects.
        File.WriteAllBytes(_db.DbPath, bytes);

        var result = _db.Open();
        using var store = result.Store;

        Assert.True(result.Quarantined);
        Assert.StartsWith("quick_check: ", result.Problem, StringComparison.Ordinal);
        Assert.Contains("Freelist", result.Problem, StringComparison.Ordinal);
        AssertFreshStoreWorks(store);
    }

    [Fact]
    public void Open_TwoQuarantinesInOneSecond_KeepsBothFiles()
    {
        File.WriteAllBytes(_db.DbPath, Garbage(4096));
        _db.Open().Store.Dispose();
        File.WriteAllBytes(_db.DbPath, Garbage(4096));

        var second = _db.Open();
        second.Store.Dispose();

        Assert.EndsWith($".corrupt-{Stamp}-2", second.QuarantinedTo, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_db.DirectoryPath, $"panel.db.corrupt-{Stamp}")));
    }

    [Fact]
    public void Open_HealthyDatabase_IsNotQuarantined()
    {
        FillDatabase();

        var result = _db.Open();
        using var store = result.Store;

        Assert.False(result.Quarantined);
        Assert.Null(result.Problem);
        Assert.Equal(500, store.ReadEvents(0, 1000).Count);
    }

    [Fact]
    public void Open_InvalidOptions_ThrowsNamingTheField()
    {
        var options = new StorageOptions { Path = "relative/panel.db" };

        var error = Assert.Throws<ArgumentException>(() => SqliteStoreOpener.Open(options, _db.Time, _db.Logger));

        Assert.Contains("Storage:Path:", error.Message, StringComparison.Ordinal);
    }

    internal static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(20250531).NextBytes(bytes);
        return bytes;
    }

    internal static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>About 40 pages of committed, checkpointed rows (the store's Dispose is the last close).</summary>
    private void FillDatabase()
    {
        using var store = _db.Open().Store;
        var now = _db.Time.GetUtcNow();
        for (var i = 0; i < 50; i++)
        {
            store.Commit([.. Enumerable.Range(0, 10).Select(j => TestEvents.Armed(now.AddSeconds(j)) with
                { Detail = new string('d', 200) })], PanelState.Initial);
        }
    }

    private void AssertFreshStoreWorks(SqliteEventStore store)
    {
        Assert.Empty(store.ReadEvents(0, 10));
        var stored = store.Commit([TestEvents.Armed(_db.Time.GetUtcNow())], PanelState.Initial);
        // Above every sequence the damaged file may have used: the quarantine time in microseconds (SequenceFloor).
        Assert.Equal((_db.Time.GetUtcNow().ToUnixTimeMilliseconds() * 1000) + 1, stored[0].Sequence);
        Assert.True(store.IntegrityCheck());
    }
}
