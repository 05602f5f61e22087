using PanelAgent.Protocol.Codes;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Station.Storage;

namespace PanelAgent.Station.Receiving;

/// <summary>
/// One message from the broker to a durable receipt or a supervision decision. Events: panel id from the topic, open
/// (authenticity, window, replay), decode, INSERT OR IGNORE by (panel, seq), and only then seal and sign the ack.
/// Status: heartbeats are acknowledged and keep the panel supervised; a last will reports it lost. Hostile input is
/// counted by reason and never throws. No MQTT here, so it is tested without a broker.
/// </summary>
public sealed class StationReceiver
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
    }

    public StationCounters Counters { get; } = new();

    /// <summary>Null when this instance does not supervise (<c>supervise: false</c>).</summary>
    public PanelSupervision? Supervision { get; }

    /// <summary>The panels' access-log heads from their heartbeats (issue 5 §3).</summary>
    public AccessHeadWatch AccessHeads { get; } = new();

    /// <summary>The panel id of <c>panels/{id}/events</c>, or null for any other topic.</summary>
    public static string? PanelIdOf(string topic) =>
        Route(topic) is (var id, TopicKind.Events) ? id : null;

    public ReceiveOutcome Receive(string topic, ReadOnlySpan<byte> message)
    {
        var outcome = Route(topic) switch
        {
            (var id, TopicKind.Events) => OpenEvent(id, message),
            (var id, TopicKind.Status) when Supervision is not null => OpenStatusMessage(id, message, Supervision),
            _ => ReceiveOutcome.Rejected(StationCounters.BadTopic),
        };
        Counters.Increment(outcome.Reason);
        return outcome;
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

    private ReceiveOutcome OpenEvent(string panelId, ReadOnlySpan<byte> message)
    {
        var opened = _opener.Open(message, panelId, TopicKind.Events);
        if (opened.Status == OpenStatus.OutOfWindow)
        {
            return ClockReply(panelId, opened);
        }

        if (!opened.IsAccepted)
        {
            return ReceiveOutcome.Rejected(opened.Status.ToString());
        }

        if (!EventPayloadCodec.TryDecode(opened.Payload, out var payload))
        {
            return ReceiveOutcome.Rejected(StationCounters.Undecodable);
        }

        var received = _time.GetUtcNow();
        // The committed insert is the receipt: a crash before this line means no ack, and the panel resends.
        var isNew = _store.TryInsert(panelId, payload!, received);
        var ack = SealAck(panelId, [payload!.Seq]);
        // Any authentic, fresh word from the panel is a sign of life; a lost panel that sends an event is back.
        var restored = Supervision?.Heard(panelId, received, opened.Header!.Session) == true
            ? StationLine(panelId, LinkEventKinds.PanelRestored, "event", received)
            : null;
        var line = isNew ? EventLine.Format(panelId, payload, _stationId, received) : null;
        return new ReceiveOutcome(isNew ? StationCounters.NewEvent : StationCounters.Duplicate,
            Join(restored, line), AckTopicOf(panelId), ack);
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

    private string StationLine(string panelId, string kind, string detail, DateTimeOffset at) =>
        EventLine.FormatStationEvent(panelId, kind, detail, _stationId, at);

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + Environment.NewLine + second;

    private byte[] SealAck(string panelId, long[] seqs) =>
        _sealer.Seal(panelId, TopicKind.Acks, AckPayloadCodec.Encode(new AckPayload(seqs, _time.GetUtcNow())));

    private static string AckTopicOf(string panelId) => $"panels/{panelId}/{TopicKind.Acks.MqttName()}";
}
