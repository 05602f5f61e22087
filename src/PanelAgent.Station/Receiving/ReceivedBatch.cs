namespace PanelAgent.Station.Receiving;

/// <summary>One message as it came off the broker.</summary>
public readonly record struct StationMessage(string Topic, byte[] Payload);

/// <summary>
/// What to do after a burst of messages (<see cref="StationReceiver.ReceiveMany"/>): print <see cref="Lines"/> in
/// order, then publish <see cref="Acks"/> (sealed, signed). <see cref="Reasons"/> has one entry per message (the
/// committed events' last).
/// </summary>
public sealed class ReceivedBatch
{
    private readonly List<string> _lines = [];
    private readonly List<(string Topic, byte[] Payload)> _acks = [];
    private readonly List<string> _reasons = [];

    public IReadOnlyList<string> Lines => _lines;

    public IReadOnlyList<(string Topic, byte[] Payload)> Acks => _acks;

    public IReadOnlyList<string> Reasons => _reasons;

    internal void Add(ReceiveOutcome outcome)
    {
        _reasons.Add(outcome.Reason);
        if (outcome.Line is not null)
        {
            _lines.Add(outcome.Line);
        }

        if (outcome.Ack is not null)
        {
            _acks.Add((outcome.AckTopic!, outcome.Ack));
        }
    }

    internal void AddLine(string line) => _lines.Add(line);

    internal void AddAck(string topic, byte[] ack) => _acks.Add((topic, ack));

    internal void AddReasons(string reason, int count) => _reasons.AddRange(Enumerable.Repeat(reason, count));
}

/// <summary>An opened event waiting for the burst's commit.</summary>
internal readonly record struct OpenedEvent(string PanelId, PanelAgent.Protocol.Payloads.EventPayload Payload,
    PanelAgent.Protocol.Envelopes.SessionNonce Session);
