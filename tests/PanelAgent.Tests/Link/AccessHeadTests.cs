using Microsoft.Data.Sqlite;
using PanelAgent.Core.Privacy;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Station.Receiving;
using PanelAgent.Storage;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Link;

/// <summary>
/// Issue 5 §3 across the real store and the station's watch: cutting the access log's tail in the database file (and
/// winding back <c>sqlite_sequence</c>) leaves a chain that still verifies on the panel, but the head the panel reports
/// next gives it away at the station.
/// </summary>
public sealed class AccessHeadTests : IDisposable
{
    private readonly SimulatedPanel _panel = new();
    private readonly AccessHeadWatch _watch = new();

    public AccessHeadTests() => _panel.Start();

    private SqliteEventStore Store => (SqliteEventStore)_panel.Runtime!.Store;

    [Fact]
    public void ReadAccessHead_CountsNewestAndWitness()
    {
        Append(3);
        var log = Store.ReadAccessLog();

        var head = Store.ReadAccessHead(log[^2].Sequence);

        Assert.Equal((log.Count, log[^1].Sequence, log[^1].Hash), (head.Entries, head.Sequence, head.Hash));
        Assert.Equal((log[^2].Sequence, log[^2].Hash), (head.WitnessSequence, head.WitnessHash));
    }

    [Fact]
    public void TailCut_ChainStillVerifiesButTheStationSeesTheSequenceGoBack()
    {
        Append(5);
        var before = Report(null);
        CutTail(2);

        Assert.True(Store.VerifyAccessLog().Intact); // what remains still chains: the panel alone cannot tell
        var after = Report(before.Seq);

        Assert.Null(_watch.Observe("p-1", before));
        Assert.StartsWith("seq=", _watch.Observe("p-1", after), StringComparison.Ordinal);
    }

    [Fact]
    public void TailCutAndRefilled_TheWitnessHashNoLongerMatches()
    {
        Append(5);
        var before = Report(null);
        CutTail(2);
        Append(4); // the head moves past where it was

        var after = Report(before.Seq);

        Assert.True(after.Seq > before.Seq);
        Assert.Null(_watch.Observe("p-1", before));
        Assert.Equal($"witness={before.Seq};hash-changed", _watch.Observe("p-1", after));
    }

    public void Dispose() => _panel.Dispose();

    private AccessHeadPayload Report(long? witness)
    {
        var head = Store.ReadAccessHead(witness);
        return new AccessHeadPayload(head.Entries, head.Sequence, head.Hash, head.WitnessSequence, head.WitnessHash);
    }

    private void Append(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _panel.Time.Advance(TimeSpan.FromSeconds(1));
            Store.Append(new AccessEntry(_panel.Time.GetUtcNow(), "technician:1000", AccessActions.SessionCommand, "status"));
        }
    }

    private void CutTail(int rows)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = _panel.DatabasePath, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM access_log WHERE seq IN (SELECT seq FROM access_log ORDER BY seq DESC LIMIT $n)";
        command.Parameters.AddWithValue("$n", rows);
        command.ExecuteNonQuery();
        // A careful editor also winds back AUTOINCREMENT's high-water mark, which the panel's own verify checks.
        command.CommandText = "UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM access_log) WHERE name = 'access_log'";
        command.ExecuteNonQuery();
    }
}
