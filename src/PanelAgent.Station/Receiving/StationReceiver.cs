using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Station.Storage;

namespace PanelAgent.Station.Receiving;

/// <summary>
/// One event message from the broker to a durable receipt: panel id from the topic, open (authenticity, window,
/// replay), decode, INSERT OR IGNORE by (panel, seq), and only then seal and sign the ack. Hostile input is counted
/// by reason and never throws. No MQTT here, so it is tested without a broker.
/// </summary>
public sealed class StationReceiver
{
    private readonly EnvelopeOpener _opener;
    private readonly MessageSealer _sealer;
    private readonly StationStore _store;
    private readonly TimeProvider _time;
    private readonly string _stationId;

    public StationReceiver(
        EnvelopeOpener opener, MessageSealer sealer, StationStore store, TimeProvider time, string stationId)
    {
        _opener = opener;
        _sealer = sealer;
        _store = store;
        _time = time;
        _stationId = stationId;
    }

    public StationCounters Counters { get; } = new();

    /// <summary>The panel id of <c>panels/{id}/events</c>, or null for any other topic.</summary>
    public static string? PanelIdOf(string topic)
    {
        var parts = topic.Split('/');
        return parts is ["panels", var id, "events"] && PanelIds.IsValid(id) ? id : null;
    }

    public ReceiveOutcome Receive(string topic, ReadOnlySpan<byte> message)
    {
        var outcome = PanelIdOf(topic) is { } panelId
            ? Open(panelId, message)
            : ReceiveOutcome.Rejected(StationCounters.BadTopic);
        Counters.Increment(outcome.Reason);
        return outcome;
    }

    private ReceiveOutcome Open(string panelId, ReadOnlySpan<byte> message)
    {
        var opened = _opener.Open(message, panelId, TopicKind.Events);
        if (opened.Status == OpenStatus.OutOfWindow)
        {
            // Authentic but stale or early: tell the panel our time so it corrects its offset (issue 3 §4), stamped
            // with its own timestamp so its window lets the answer in (MessageSealer.SealReply).
            var reply = _sealer.SealReply(panelId, TopicKind.Acks, AckPayloadCodec.Encode(new AckPayload([], _time.GetUtcNow())), opened.Header!);
            return new ReceiveOutcome(opened.Status.ToString(), null, AckTopicOf(panelId), reply);
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
        return isNew
            ? new ReceiveOutcome(StationCounters.NewEvent, EventLine.Format(panelId, payload, _stationId, received), AckTopicOf(panelId), ack)
            : new ReceiveOutcome(StationCounters.Duplicate, null, AckTopicOf(panelId), ack);
    }

    private byte[] SealAck(string panelId, long[] seqs) =>
        _sealer.Seal(panelId, TopicKind.Acks, AckPayloadCodec.Encode(new AckPayload(seqs, _time.GetUtcNow())));

    private static string AckTopicOf(string panelId) => $"panels/{panelId}/{TopicKind.Acks.MqttName()}";
}
