using Microsoft.Data.Sqlite;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Station.Receiving;
using PanelAgent.Station.Storage;

namespace PanelAgent.Station.Tests.Receiving;

/// <summary>The access-log heads a station was told survive its restart, in its own database.</summary>
public sealed class AccessHeadMemoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pa-station-heads-").FullName;

    private string DatabasePath => Path.Combine(_directory, "station.db");

    [Fact]
    public void Observe_TailCutWhileTheStationRestarted_StillACut()
    {
        using (var store = StationStore.Open(DatabasePath))
        {
            Assert.Null(new AccessHeadWatch(store).Observe("p-1", new AccessHeadPayload(10, 10, "h10")));
        }

        using var reopened = StationStore.Open(DatabasePath);
        var afterRestart = new AccessHeadWatch(reopened);

        Assert.Equal("seq=7;was=10", afterRestart.Observe("p-1", new AccessHeadPayload(7, 7, "h7", 10, null)));
        Assert.Null(afterRestart.Observe("p-2", new AccessHeadPayload(3, 3, "b3"))); // another panel: its own memory
    }

    [Fact]
    public void Observe_HeartbeatsRepeatingTheHead_WriteOnlyWhenItMoves()
    {
        var memory = new CountingMemory();
        var watch = new AccessHeadWatch(memory);

        watch.Observe("p-1", new AccessHeadPayload(10, 10, "h10"));
        watch.Observe("p-1", new AccessHeadPayload(10, 10, "h10", 10, "h10"));
        watch.Observe("p-1", new AccessHeadPayload(10, 10, "h10", 10, "h10"));
        watch.Observe("p-1", new AccessHeadPayload(11, 11, "h11", 10, "h10"));

        Assert.Equal(2, memory.Saves);
        Assert.Equal([(10L, "h10"), (11L, "h11")], memory.Kept["p-1"]);
    }

    [Fact]
    public void Observe_DatabaseFails_WatchCarriesOnInMemory()
    {
        using var store = StationStore.Open(DatabasePath);
        using (var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            other.Open();
            using var drop = other.CreateCommand();
            drop.CommandText = "DROP TABLE access_heads"; // every read and write of the heads now fails in SQLite
            drop.ExecuteNonQuery();
        }

        var watch = new AccessHeadWatch(store);

        Assert.Null(watch.Observe("p-1", new AccessHeadPayload(10, 10, "h10")));
        Assert.Equal("seq=7;was=10", watch.Observe("p-1", new AccessHeadPayload(7, 7, "h7")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class CountingMemory : IAccessHeadMemory
    {
        public Dictionary<string, IReadOnlyList<(long Seq, string Hash)>> Kept { get; } = [];

        public int Saves { get; private set; }

        public IReadOnlyList<(long Seq, string Hash)> Load(string panelId) => Kept.GetValueOrDefault(panelId) ?? [];

        public void Save(string panelId, IReadOnlyList<(long Seq, string Hash)> heads)
        {
            Saves++;
            Kept[panelId] = [.. heads.OrderBy(h => h.Seq)];
        }
    }
}
