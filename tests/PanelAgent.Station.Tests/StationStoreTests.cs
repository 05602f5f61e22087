using PanelAgent.Protocol.Payloads;
using PanelAgent.Station.Storage;

namespace PanelAgent.Station.Tests;

public sealed class StationStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pa-station-store-").FullName;

    private string DatabasePath => Path.Combine(_directory, "station.db");

    [Fact]
    public void TryInsert_SamePanelAndSeq_SecondIsDuplicate()
    {
        using var store = StationStore.Open(DatabasePath);
        var payload = new EventPayload(5, "alarm.fire", "kitchen", null, null, DateTimeOffset.UtcNow, "FA", "1111");

        Assert.True(store.TryInsert("panel-a", payload, DateTimeOffset.UtcNow));
        Assert.False(store.TryInsert("panel-a", payload, DateTimeOffset.UtcNow));
        Assert.True(store.TryInsert("panel-b", payload, DateTimeOffset.UtcNow));
        Assert.Equal(1, store.CountEvents("panel-a"));
    }

    [Fact]
    public void MarkPrinted_WithoutAnFsyncOfItsOwn_LeavesTheReceiptsFullySynchronous()
    {
        using var store = StationStore.Open(DatabasePath);
        var payload = new EventPayload(7, "alarm.intrusion", "hall", null, null, DateTimeOffset.UtcNow, "BA", "1130");
        store.TryInsertMany([("panel-a", payload)], DateTimeOffset.UtcNow);

        store.MarkPrinted([("panel-a", 7)]);

        Assert.Equal([false], store.Unprinted([("panel-a", 7)]));
        Assert.Equal(2, store.SynchronousLevel); // FULL again: the next receipt is durable before its ack
    }

    [Fact]
    public void TakeNextEpoch_AfterReopen_KeepsIncreasing()
    {
        uint first;
        using (var store = StationStore.Open(DatabasePath))
        {
            first = store.TakeNextEpoch();
            Assert.Equal(first + 1, store.TakeNextEpoch());
        }

        using var reopened = StationStore.Open(DatabasePath);
        Assert.Equal(first + 2, reopened.TakeNextEpoch());
        Assert.NotEqual(0u, first);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
