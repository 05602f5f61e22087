namespace PanelAgent.Station.Receiving;

/// <summary>
/// One message as it came off the broker; or, with <paramref name="HeldImage"/>, the note that an image of the panel of
/// <paramref name="Topic"/> was written and is to be acknowledged (queued with the events, so that its ack is sealed and
/// published in order with theirs).
/// </summary>
public readonly record struct StationMessage(string Topic, byte[] Payload, long? HeldImage = null);

/// <summary>
/// What came of a burst of messages (<see cref="StationReceiver.ReceiveMany"/>): <see cref="Lines"/> in order (already
/// handed to the printer when there is one), then <see cref="Acks"/> (sealed, signed) to publish. <see cref="Reasons"/> has one entry per message (the
/// committed events' last).
/// </summary>
public sealed class ReceivedBatch(Action<IReadOnlyList<string>>? print = null)
{
    private readonly List<string> _lines = [];
    private int _printed;
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

    internal void AddReasons(IEnumerable<string> reasons) => _reasons.AddRange(reasons);

    /// <summary>Hands the lines not yet printed to the printer, if there is one.</summary>
    internal void Print()
    {
        if (print is null || _printed == _lines.Count)
        {
            return;
        }

        print(_lines.GetRange(_printed, _lines.Count - _printed));
        _printed = _lines.Count;
    }
}

/// <summary>An opened event waiting for the burst's commit.</summary>
internal readonly record struct OpenedEvent(string PanelId, PanelAgent.Protocol.Payloads.EventPayload Payload,
    PanelAgent.Protocol.Envelopes.SessionNonce Session);
