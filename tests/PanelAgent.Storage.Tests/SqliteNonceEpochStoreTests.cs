using PanelAgent.Core.Ports;
using PanelAgent.Storage.Tests.Support;

namespace PanelAgent.Storage.Tests;

/// <summary>The sealing boot epoch on SQLite: never 0, strictly increasing, also across a reopen.</summary>
public sealed class SqliteNonceEpochStoreTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void TakeNextEpoch_FreshFile_StartsAt1AndIncreases()
    {
        using var store = _db.Open().Store;
        var epochs = new SqliteNonceEpochStore(store);

        Assert.Equal([1u, 2u, 3u], [epochs.TakeNextEpoch(), epochs.TakeNextEpoch(), epochs.TakeNextEpoch()]);
    }

    [Fact]
    public void TakeNextEpoch_AfterReopen_LargerThanEveryEarlierEpoch()
    {
        uint before;
        using (var store = _db.Open().Store)
        {
            var epochs = new SqliteNonceEpochStore(store);
            epochs.TakeNextEpoch();
            before = epochs.TakeNextEpoch();
        }

        using var reopened = _db.Open().Store;
        var after = new SqliteNonceEpochStore(reopened).TakeNextEpoch();

        Assert.True(after > before, $"{after} after reopen, {before} before");
        Assert.Equal((long)after, _db.Scalar("SELECT epoch FROM nonce_epoch"));
    }

    [Fact]
    public void TakeNextEpoch_StoreConnection_IsSynchronousFull()
    {
        using var store = _db.Open().Store;
        new SqliteNonceEpochStore(store).TakeNextEpoch();

        // 2 = FULL: the COMMIT that made the epoch durable fsynced the WAL before TakeNextEpoch returned.
        Assert.Equal(2L, store.ScalarOnStoreConnection("PRAGMA synchronous"));
    }

    [Fact]
    public void TakeNextEpoch_AtUInt32Max_ThrowsAndNeverWraps()
    {
        _db.Open().Store.Dispose();
        _db.Execute($"INSERT INTO nonce_epoch (id, epoch) VALUES (1, {uint.MaxValue})");
        using var store = _db.Open().Store;

        Assert.Throws<StorageUnavailableException>(() => new SqliteNonceEpochStore(store).TakeNextEpoch());
        Assert.Equal((long)uint.MaxValue, _db.Scalar("SELECT epoch FROM nonce_epoch"));
    }
}
