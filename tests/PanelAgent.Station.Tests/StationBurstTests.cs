using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Station.Receiving;
using PanelAgent.Station.Storage;
using PanelAgent.Station.Tests.Support;

namespace PanelAgent.Station.Tests;

/// <summary>
/// A burst off the broker (a drained backlog): one commit, one ack per panel listing every sequence, lines in message
/// order; a failed commit answers nothing, so the panels resend. No broker: the receiver alone, on a real SQLite file.
/// </summary>
public sealed class StationBurstTests : IDisposable
{
    private static readonly string[] s_panels = ["villa-0001", "villa-0002"];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Directory.CreateTempSubdirectory("pa-burst-").FullName;
    private readonly ECDsa _signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly Dictionary<string, (MessageSealer Sealer, EnvelopeOpener Opener)> _panels = [];
    private readonly StationStore _store;
    private readonly StationReceiver _receiver;

    public StationBurstTests()
    {
        var stationKeys = new KeyRing();
        foreach (var panel in s_panels)
        {
            var master = RandomNumberGenerator.GetBytes(32);
            stationKeys.Add(KeyDerivation.DeriveKeySet(master, panel, 1));
            var panelKeys = new KeyRing();
            panelKeys.Add(KeyDerivation.DeriveKeySet(master, panel, 1));
            _panels[panel] = (MessageSealer.ForPanel(panelKeys, new MemoryEpochs(), _clock),
                EnvelopeOpener.ForPanel(panelKeys, new ReplayGuard(_clock), [_signing]));
        }

        _store = StationStore.Open(Path.Combine(_directory, "station.db"));
        _receiver = new StationReceiver(EnvelopeOpener.ForStation(stationKeys, new ReplayGuard(_clock)),
            MessageSealer.ForStation(stationKeys, _store, _clock, _signing), _store, _clock, "station-1");
    }

    [Fact]
    public void Burst_TwoPanelsAndAResend_OneAckPerPanelWithEverySeqAndOneLinePerNewEventInOrder()
    {
        var (a, b) = (s_panels[0], s_panels[1]);

        var batch = _receiver.ReceiveMany(
        [
            Event(a, 1), Event(b, 1), Event(a, 2), Event(a, 1), Message($"panels/{a}/events", [0x42, 1, 2]),
        ]);

        Assert.Equal([(a, 1L), (b, 1L), (a, 2L)], batch.Lines.Select(PanelAndSeq));
        Assert.Equal(2, batch.Acks.Count);
        Assert.Equal([1L, 2L, 1L], AckedSeqs(a, batch));
        Assert.Equal([1L], AckedSeqs(b, batch));
        Assert.Equal(3, _receiver.Counters[StationCounters.NewEvent]);
        Assert.Equal(1, _receiver.Counters[StationCounters.Duplicate]);
        Assert.Equal(5, batch.Reasons.Count);
        Assert.Equal(2, _store.CountEvents(a));
    }

    [Fact]
    public void Resend_OfAnEventCommittedButNeverPrinted_IsPrintedOnceThen()
    {
        var a = s_panels[0];
        // A station killed between its commit and its line: the row is there, the line never went out, no ack left.
        _store.TryInsert(a, new EventPayload(1, "alarm.intrusion", "hall", null, null, _clock.GetUtcNow(), "BA", "1130"),
            _clock.GetUtcNow());

        var resend = _receiver.ReceiveMany([Event(a, 1)]);
        var again = _receiver.ReceiveMany([Event(a, 1)]);

        Assert.Equal([(a, 1L)], resend.Lines.Select(PanelAndSeq));
        Assert.Equal([StationCounters.Duplicate], resend.Reasons);
        Assert.Single(resend.Acks);
        Assert.Empty(again.Lines);
    }

    [Fact]
    public void Burst_WithAPrinter_LinesPrintedAfterTheCommitAndBeforeTheAcksAreMade()
    {
        var a = s_panels[0];
        var storedWhenPrinted = new List<long>();

        var batch = _receiver.ReceiveMany([Event(a, 1), Event(a, 2)], lines => storedWhenPrinted.Add(_store.CountEvents(a)));

        Assert.Equal([2L], storedWhenPrinted);
        Assert.Equal(2, batch.Lines.Count);
        Assert.DoesNotContain(true, _store.Unprinted([(a, 1), (a, 2)]));
        Assert.Single(batch.Acks);
    }

    [Fact]
    public void Open_StationFileWithoutThePrintedColumn_OldRowsCountAsPrintedNewOnesDoNot()
    {
        var path = Path.Combine(_directory, "old.db");
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = "CREATE TABLE events (panel TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, zone TEXT, " +
                "user INTEGER, detail TEXT, at TEXT NOT NULL, sia TEXT, cid TEXT, received TEXT NOT NULL, PRIMARY KEY (panel, seq)) " +
                "WITHOUT ROWID; INSERT INTO events VALUES ('p', 1, 'k', NULL, NULL, NULL, 'a', NULL, NULL, 'r');";
            command.ExecuteNonQuery();
        }

        using var store = StationStore.Open(path);
        store.TryInsert("p", new EventPayload(2, "k", null, null, null, _clock.GetUtcNow(), null, null), _clock.GetUtcNow());

        Assert.Equal([false, true], store.Unprinted([("p", 1), ("p", 2)]));
    }

    [Fact]
    public void Burst_CommitFails_NoLineNoAckAndEachEventCounted()
    {
        var a = s_panels[0];
        DropEventsTable();

        var failed = _receiver.ReceiveMany([Event(a, 1), Event(a, 2)]);

        Assert.Empty(failed.Lines);
        Assert.Empty(failed.Acks);
        Assert.Equal(2, _receiver.Counters[StationCounters.StoreFailed]);
        Assert.Equal(0, _receiver.Counters[StationCounters.NewEvent]);
    }

    public void Dispose()
    {
        _store.Dispose();
        _signing.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private StationMessage Event(string panel, long seq) => Message($"panels/{panel}/events",
        _panels[panel].Sealer.Seal(panel, TopicKind.Events, EventPayloadCodec.Encode(
            new EventPayload(seq, "alarm.intrusion", "hall", null, null, _clock.GetUtcNow(), "BA", "1130"))));

    private static StationMessage Message(string topic, byte[] payload) => new(topic, payload);

    private List<long> AckedSeqs(string panel, ReceivedBatch batch)
    {
        var (topic, ack) = Assert.Single(batch.Acks, a => a.Topic == $"panels/{panel}/acks");
        var opened = _panels[panel].Opener.Open(ack, panel, TopicKind.Acks);
        Assert.True(opened.IsAccepted, opened.Status.ToString());
        Assert.True(AckPayloadCodec.TryDecode(opened.Payload, out var payload), topic);
        return [.. payload!.Seqs];
    }

    private void DropEventsTable()
    {
        using var other = new SqliteConnection($"Data Source={Path.Combine(_directory, "station.db")};Pooling=False");
        other.Open();
        using var command = other.CreateCommand();
        command.CommandText = "DROP TABLE events";
        command.ExecuteNonQuery();
    }

    private static (string Panel, long Seq) PanelAndSeq(string line)
    {
        using var json = JsonDocument.Parse(line);
        return (json.RootElement.GetProperty("panel").GetString()!, json.RootElement.GetProperty("seq").GetInt64());
    }
}
