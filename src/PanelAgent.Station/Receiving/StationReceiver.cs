using PanelAgent.Protocol.Codes;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Station.Storage;

namespace PanelAgent.Station.Receiving;

/// <summary>
/// Messages from the broker to durable receipts or supervision decisions. Events: panel id from the topic, open
/// (authenticity, window, replay), decode, INSERT OR IGNORE by (panel, seq) (a burst in one transaction), and only
/// then seal and sign the ack.
/// Status: heartbeats are acknowledged and keep the panel supervised; a last will reports it lost. Hostile input is
/// counted by reason and never throws. No MQTT here, so it is tested without a broker.
/// </summary>
public sealed partial class StationReceiver
{
    private readonly EnvelopeOpener _opener;
    private readonly MessageSealer _sealer;
    private readonly StationStore _store;
    private readonly TimeProvider _time;
    private readonly string _stationId;

    public StationReceiver(
        EnvelopeOpener opener, MessageSealer sealer, StationStore store, TimeProvider time, string stationId,
        PanelSupervision? supervision = null)
    {
        _opener = opener;
        _sealer = sealer;
        _store = store;
        _time = time;
        _stationId = stationId;
        Supervision = supervision;
        AccessHeads = new AccessHeadWatch(store);
    }

    public StationCounters Counters { get; } = new();

    /// <summary>Null when this instance does not supervise (<c>supervise: false</c>).</summary>
    public PanelSupervision? Supervision { get; }

    /// <summary>The panels' access-log heads from their heartbeats (issue 5 §3).</summary>
    public AccessHeadWatch AccessHeads { get; }

    /// <summary>The panel id of <c>panels/{id}/events</c>, or null for any other topic.</summary>
    public static string? PanelIdOf(string topic) =>
        Route(topic) is (var id, TopicKind.Events) ? id : null;

    public ReceiveOutcome Receive(string topic, ReadOnlySpan<byte> message)
    {
        var batch = ReceiveMany([new StationMessage(topic, message.ToArray())]);
        var ack = batch.Acks.Count > 0 ? batch.Acks[0] : default;
        return new ReceiveOutcome(batch.Reasons[0], batch.Lines.Count > 0 ? string.Join(Environment.NewLine, batch.Lines) : null,
            ack.Topic, ack.Payload);
    }

    /// <summary>
    /// A burst as it came off the broker, in order: the events among it are committed in one transaction and answered
    /// with one ack per panel listing every sequence (new and duplicate); status messages are handled one by one, after
    /// the events before them were committed. Lines come out in message order, each new event's line after its commit
    /// (the receipt) and before its ack (StationReceiver.Burst.cs). When the store fails, the events get no ack (<see cref="StationCounters.StoreFailed"/>):
    /// the panels resend them.
    /// </summary>
    /// <param name="messages">The burst.</param>
    /// <param name="print">Where lines go as soon as their events are committed, before the acks; null keeps
    /// them in <see cref="ReceivedBatch.Lines"/> only.</param>
    public ReceivedBatch ReceiveMany(IReadOnlyList<StationMessage> messages, Action<IReadOnlyList<string>>? print = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var batch = new ReceivedBatch(print);
        var pending = new List<OpenedEvent>();
        foreach (var message in messages)
        {
            var route = Route(message.Topic);
            if (route is (var panel, TopicKind.Events) && TryOpenEvent(panel, message.Payload, batch) is { } opened)
            {
                pending.Add(opened);
                continue;
            }

            if (route is not (_, TopicKind.Events))
            {
                Commit(pending, batch);
                batch.Add(route is (var id, TopicKind.Status) && Supervision is not null
                    ? OpenStatusMessage(id, message.Payload, Supervision)
                    : ReceiveOutcome.Rejected(StationCounters.BadTopic));
            }
        }

        Commit(pending, batch);
        batch.Print();
        foreach (var reason in batch.Reasons)
        {
            Counters.Increment(reason);
        }

        return batch;
    }

    /// <summary>Panels silent for three heartbeat intervals, each as one panel.lost line (once per loss).</summary>
    public IReadOnlyList<string> SweepLostPanels()
    {
        if (Supervision is null)
        {
            return [];
        }

        var now = _time.GetUtcNow();
        return [.. Supervision.Sweep(now).Select(panel => StationLine(panel, LinkEventKinds.PanelLost, "heartbeats", now))];
    }

    private static (string Id, TopicKind Topic)? Route(string topic)
    {
        var parts = topic.Split('/');
        return parts switch
        {
            ["panels", var id, "events"] when PanelIds.IsValid(id) => (id, TopicKind.Events),
            ["panels", var id, "status"] when PanelIds.IsValid(id) => (id, TopicKind.Status),
            _ => null,
        };
    }

    /// <summary>An authentic, fresh, decodable event to commit; null when it was answered (or refused) already.</summary>
    private OpenedEvent? TryOpenEvent(string panelId, ReadOnlySpan<byte> message, ReceivedBatch batch)
    {
        var opened = _opener.Open(message, panelId, TopicKind.Events);
        if (opened.Status == OpenStatus.OutOfWindow)
        {
            batch.Add(ClockReply(panelId, opened));
            return null;
        }

        if (!opened.IsAccepted)
        {
            batch.Add(ReceiveOutcome.Rejected(opened.Status.ToString()));
            return null;
        }

        if (!EventPayloadCodec.TryDecode(opened.Payload, out var payload))
        {
            batch.Add(ReceiveOutcome.Rejected(StationCounters.Undecodable));
            return null;
        }

        return new OpenedEvent(panelId, payload!, opened.Header!.Session);
    }

    private ReceiveOutcome OpenStatusMessage(string panelId, ReadOnlySpan<byte> message, PanelSupervision supervision)
    {
        var opened = _opener.Open(message, panelId, TopicKind.Status);
        if (opened.Header is { } header && !opened.IsAccepted
            && StatusPayloadCodec.TryDecode(opened.StalePayload, out var stale) && stale!.State == StatusStates.Offline)
        {
            // The will is sealed at connect and published later, so it is never fresh: authentic is enough for a
            // hint that only says what three missed heartbeats would say anyway.
            return supervision.WillReceived(panelId, header.Session)
                ? new ReceiveOutcome(StationCounters.PanelLost,
                    StationLine(panelId, LinkEventKinds.PanelLost, "will", _time.GetUtcNow()), null, null)
                : ReceiveOutcome.Rejected(StationCounters.StaleStatus);
        }

        if (opened.Status == OpenStatus.OutOfWindow)
        {
            return ClockReply(panelId, opened);
        }

        if (!opened.IsAccepted)
        {
            return ReceiveOutcome.Rejected(opened.Status.ToString());
        }

        if (!StatusPayloadCodec.TryDecode(opened.Payload, out var status))
        {
            return ReceiveOutcome.Rejected(StationCounters.Undecodable);
        }

        return Heartbeat(panelId, opened.Header!, status!, supervision);
    }

    private ReceiveOutcome Heartbeat(string panelId, EnvelopeHeader header, StatusPayload status, PanelSupervision supervision)
    {
        var now = _time.GetUtcNow();
        if (status.State == StatusStates.Offline)
        {
            // A fresh will: the broker published it soon after the connect it was sealed for. The same session rule
            // applies, so a will of an earlier connection cannot report a panel that has since come back.
            return supervision.WillReceived(panelId, header.Session)
                ? new ReceiveOutcome(StationCounters.PanelLost, StationLine(panelId, LinkEventKinds.PanelLost, "will", now), null, null)
                : ReceiveOutcome.Rejected(StationCounters.StaleStatus);
        }

        var restored = supervision.Heard(panelId, now, header.Session, TimeSpan.FromSeconds(status.IntervalSeconds));
        var line = restored ? StationLine(panelId, LinkEventKinds.PanelRestored, status.State, now) : null;
        if (status.Access is { } head && AccessHeads.Observe(panelId, head) is { } cut)
        {
            line = Join(line, StationLine(panelId, AccessHeadWatch.CutKind, cut, now));
        }

        // The empty ack tells an idle panel its station is alive, and carries our clock.
        return new ReceiveOutcome(StationCounters.Heartbeat, line, AckTopicOf(panelId), SealAck(panelId, []));
    }

    /// <summary>Authentic but stale or early: tell the panel our time so it corrects its offset (issue 3 §4).</summary>
    private ReceiveOutcome ClockReply(string panelId, OpenResult opened)
    {
        // Stamped with the panel's own timestamp so its window lets the answer in (MessageSealer.SealReply).
        var reply = _sealer.SealReply(panelId, TopicKind.Acks,
            AckPayloadCodec.Encode(new AckPayload([], _time.GetUtcNow())), opened.Header!);
        return new ReceiveOutcome(opened.Status.ToString(), null, AckTopicOf(panelId), reply);
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + Environment.NewLine + second;

    private string StationLine(string panelId, string kind, string detail, DateTimeOffset at) =>
        EventLine.FormatStationEvent(panelId, kind, detail, _stationId, at);

    /// <summary>
    /// The acknowledgement of images the station has written (issue 4): sealed and signed like an event ack and on the
    /// same topic, where the panel takes only increasing sequences, so it is published after the acks sealed before it.
    /// </summary>
    public (string Topic, byte[] Payload) ImageAck(string panelId, IReadOnlyList<long> imageIds) =>
        (AckTopicOf(panelId), _sealer.Seal(panelId, TopicKind.Acks,
            AckPayloadCodec.Encode(new AckPayload([], _time.GetUtcNow(), imageIds))));

    private byte[] SealAck(string panelId, long[] seqs) =>
        _sealer.Seal(panelId, TopicKind.Acks, AckPayloadCodec.Encode(new AckPayload(seqs, _time.GetUtcNow())));

    private static string AckTopicOf(string panelId) => $"panels/{panelId}/{TopicKind.Acks.MqttName()}";
}
