using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Storage;
using PanelAgent.Transport.Commands;
using PanelAgent.Transport.Tests.Support;
using PanelAgent.Transport.Uplink;
using Xunit.Abstractions;

namespace PanelAgent.Transport.Tests.Fuzz;

/// <summary>
/// Issue 3 checks, at the panel's own receivers: 100 000 forged, altered, replayed, truncated, stale, misrouted and
/// random messages on <c>commands</c> and on <c>acks</c> are rejected and counted, nothing escapes as an exception,
/// and only the genuine messages mixed in among them act (a command executed, an outbox row retired).
/// </summary>
public sealed class DownlinkFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 100_000;
    private const int GenuineEvery = 1_000;
    private const int Seed = 20261203;

    [Fact]
    public void CommandReceiver_100000HostileMessages_RejectedAndCounted_OnlyGenuineExecuted()
    {
        using var corpus = new DownlinkCorpus(Seed);
        var executed = new RecordingCommands();
        var receiver = new CommandReceiver(DownlinkCorpus.PanelId, corpus.PanelOpener(), executed, corpus.Clock,
            NullLogger.Instance);
        var valid = CommandPayloadCodec.Encode(new CommandPayload("c-x", CommandNames.Disarm));
        var genuine = new List<string>();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Cases; i++)
        {
            corpus.Clock.Advance(TimeSpan.FromMilliseconds(1));
            if (i % GenuineEvery == 0)
            {
                genuine.Add($"c-{i}");
                receiver.Handle(corpus.Genuine(TopicKind.Commands,
                    CommandPayloadCodec.Encode(new CommandPayload($"c-{i}", CommandNames.Status))));
            }
            else if (i % GenuineEvery == 500)
            {
                receiver.Handle(corpus.Genuine(TopicKind.Commands, "{not a command"u8.ToArray())); // authentic, malformed
            }
            else
            {
                receiver.Handle(corpus.Hostile(TopicKind.Commands, valid));
            }
        }

        var counters = receiver.Counters;
        Report("commands", counters.Rejected, clock);
        Assert.Equal(genuine, executed.Ids);
        Assert.Equal(Cases, counters.Total);
        Assert.Equal(Cases / GenuineEvery, counters.Malformed);
        Assert.Equal(0, counters.Rejected.GetValueOrDefault(OpenStatus.Unexpected));
        AssertEveryClassSeen(counters.Rejected);
    }

    [Fact]
    public void EventUplinkAcks_100000HostileMessages_RejectedAndCounted_OnlyGenuineRetireRows()
    {
        using var corpus = new DownlinkCorpus(Seed + 1);
        var directory = Directory.CreateTempSubdirectory("pa-ackfuzz-");
        using (var store = SqliteStoreOpener.Open(Path.Combine(directory.FullName, "panel.db"), TimeProvider.System,
                   NullLogger.Instance).Store)
        {
            var rows = store.Commit([.. Enumerable.Range(0, 200).Select(i => new PanelEvent(EventKinds.AlarmIntrusion,
                corpus.Clock.GetUtcNow(), "hall"))], PanelState.Initial);
            var uplink = NewUplink(store, corpus);
            var everything = AckPayloadCodec.Encode(new AckPayload([.. rows.Select(r => r.Sequence)], corpus.Clock.GetUtcNow()));
            var retiredByGenuine = new List<long>();
            var clock = Stopwatch.StartNew();

            for (var i = 0; i < Cases; i++)
            {
                corpus.Clock.Advance(TimeSpan.FromMilliseconds(1));
                if (i % GenuineEvery == 0)
                {
                    var seq = rows[i / GenuineEvery].Sequence;
                    retiredByGenuine.Add(seq);
                    uplink.HandleAck(corpus.Genuine(TopicKind.Acks,
                        AckPayloadCodec.Encode(new AckPayload([seq], corpus.Clock.GetUtcNow()))));
                }
                else
                {
                    uplink.HandleAck(corpus.Hostile(TopicKind.Acks, everything));
                }
            }

            var counters = uplink.Counters;
            Report("acks", counters.AcksRejected, clock);
            Assert.Equal(Cases / GenuineEvery, counters.AcksAccepted);
            Assert.Equal(Cases - (Cases / GenuineEvery), counters.AcksRejectedTotal + counters.AcksMalformed);
            Assert.Equal(retiredByGenuine.Count, counters.RowsAcknowledged);
            Assert.Equal(rows.Count - retiredByGenuine.Count, store.PendingCount);
            Assert.Equal(retiredByGenuine[0], rows[0].Sequence);
            Assert.Equal(0, counters.AcksRejected.GetValueOrDefault(OpenStatus.Unexpected));
            AssertEveryClassSeen(counters.AcksRejected);
        }

        directory.Delete(recursive: true);
    }

    [Fact]
    public void EventUplinkAcks_HostileImageAcks_OnlyGenuineOnesReachTheImageUplink()
    {
        using var corpus = new DownlinkCorpus(Seed + 2);
        var acknowledged = new List<long>();
        WithStore(store =>
        {
            var uplink = NewUplink(store, corpus);
            uplink.ImagesAcknowledged += ids => acknowledged.AddRange(ids);
            var forged = AckPayloadCodec.Encode(new AckPayload([], corpus.Clock.GetUtcNow(), [999]));
            for (var i = 0; i < 10_000; i++)
            {
                corpus.Clock.Advance(TimeSpan.FromMilliseconds(1));
                uplink.HandleAck(i % 1000 == 0
                    ? corpus.Genuine(TopicKind.Acks, AckPayloadCodec.Encode(new AckPayload([], corpus.Clock.GetUtcNow(), [i])))
                    : corpus.Hostile(TopicKind.Acks, forged));
            }
        });

        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 1000L), acknowledged);
    }

    private static void WithStore(Action<SqliteEventStore> body)
    {
        var directory = Directory.CreateTempSubdirectory("pa-ackfuzz-");
        using (var store = SqliteStoreOpener.Open(Path.Combine(directory.FullName, "panel.db"), TimeProvider.System,
                   NullLogger.Instance).Store)
        {
            body(store);
        }

        directory.Delete(recursive: true);
    }

    private static EventUplink NewUplink(SqliteEventStore store, DownlinkCorpus corpus)
    {
        var sealer = MessageSealer.ForPanel(corpus.PanelKeys, new InMemoryNonceEpochStore(), corpus.Clock);
        var link = new ConnectionSupervisor(Microsoft.Extensions.Options.Options.Create(new MqttLinkOptions
        { PanelId = DownlinkCorpus.PanelId }), NullLogger<ConnectionSupervisor>.Instance, corpus.Clock);
        return new EventUplink(store, new UplinkSealing(sealer, corpus.PanelOpener()), link, _ => { },
            new EventUplinkOptions { PanelId = DownlinkCorpus.PanelId }, corpus.Clock);
    }

    private static void AssertEveryClassSeen(IReadOnlyDictionary<OpenStatus, long> rejected) => Assert.All(
        new[] { OpenStatus.Malformed, OpenStatus.WrongTopic, OpenStatus.BadTag, OpenStatus.BadSignature,
                OpenStatus.OutOfWindow, OpenStatus.Replayed },
        s => Assert.True(rejected.GetValueOrDefault(s) > 0, $"no message was rejected as {s}: the generator lost a class"));

    private void Report(string what, IReadOnlyDictionary<OpenStatus, long> rejected, Stopwatch clock)
    {
        output.WriteLine($"{Cases} messages on {what} in {clock.ElapsedMilliseconds} ms (seed {Seed}):");
        foreach (var (status, count) in rejected.OrderBy(r => r.Key))
        {
            output.WriteLine($"  {status,-18} {count,7}");
        }
    }

    private sealed class RecordingCommands : IStationCommands
    {
        public List<string> Ids { get; } = [];

        public void Execute(CommandPayload command) => Ids.Add(command.Id);
    }
}
