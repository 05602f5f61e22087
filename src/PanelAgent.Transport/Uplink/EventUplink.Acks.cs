using System.Collections.Concurrent;
using System.Threading.Channels;
using PanelAgent.Core.Ports;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Transport.Uplink;

public sealed partial class EventUplink
{
    // Bounded: a flood on acks (hostile or not) cannot grow memory; a dropped ack only means a resend.
    private readonly Channel<ReadOnlyMemory<byte>> _acks = Channel.CreateBounded<ReadOnlyMemory<byte>>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly ConcurrentDictionary<OpenStatus, long> _rejected = new();
    private long _rowsAcknowledged;
    private long _acksAccepted;
    private long _acksMalformed;
    private long _acksDropped;

    /// <summary>Raised (on the ack worker) after every authentic, fresh acknowledgement, empty ones included.</summary>
    public event Action? AckAccepted;

    /// <summary>
    /// Raised (on the ack worker) with the ids of images the station says it has written: the image uplink's
    /// end-to-end acknowledgement, which travels on the same signed, replay-guarded ack topic as the events'.
    /// </summary>
    public event Action<IReadOnlyList<long>>? ImagesAcknowledged;

    /// <summary>Tests: raised after every ack message was handled, accepted or not.</summary>
    internal event Action? AckHandled;

    private IReadOnlyDictionary<OpenStatus, long> RejectedSnapshot() => new Dictionary<OpenStatus, long>(_rejected);

    /// <summary>On MQTTnet's receive thread: hand the bytes over and return. Opening and the fsync happen on the worker.</summary>
    private void OnMessageReceived(object? sender, LinkMessageEventArgs e)
    {
        if (!string.Equals(e.Topic, _acksTopic, StringComparison.Ordinal))
        {
            return;
        }

        if (!_acks.Writer.TryWrite(e.Payload))
        {
            Interlocked.Increment(ref _acksDropped);
            UplinkLog.AckDropped(_logger);
        }
    }

    private async Task ProcessAcksAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _acks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                HandleAck(message.Span);
                AckHandled?.Invoke();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal stop.
        }
    }

    /// <summary>One ack message, start to end. Internal for the fuzz tests, which feed it directly.</summary>
    internal void HandleAck(ReadOnlySpan<byte> message)
    {
        // The broker is untrusted: only a message sealed with our downlink key AND signed by the station, inside the
        // replay window and not seen before, may retire rows. A panel's own keys cannot make one (BadSignature).
        var opened = _sealing.Opener.Open(message, _options.PanelId, TopicKind.Acks);
        if (!opened.IsAccepted)
        {
            _rejected.AddOrUpdate(opened.Status, 1, (_, n) => n + 1);
            UplinkLog.AckRejected(_logger, opened.Status);
            return;
        }

        if (!AckPayloadCodec.TryDecode(opened.Payload, out var ack))
        {
            Interlocked.Increment(ref _acksMalformed);
            UplinkLog.AckMalformed(_logger);
            return;
        }

        Interlocked.Increment(ref _acksAccepted);
        var now = _time.GetUtcNow();
        // Only from an accepted (fresh, signed) ack: an old ack replayed outside the window must not move our clock.
        var offset = ack!.StationTime - now;
        _sealing.Sealer.ClockOffset = offset;
        UplinkLog.ClockOffsetApplied(_logger, offset);
        var retired = Retire(ack.Seqs, now);
        lock (_gate)
        {
            _lastAck = _time.GetTimestamp();
            _lastAckWall = now;
        }

        AckAccepted?.Invoke();
        if (ack.Images is { Count: > 0 } images)
        {
            ImagesAcknowledged?.Invoke(images);
        }

        if (retired.Count > 0)
        {
            Acknowledged?.Invoke(this, new UplinkAcknowledgedEventArgs(retired));
        }

        // Freed window slots (and a possible trouble restore) are handled now, not at the next poll.
        Notify();
    }

    private IReadOnlyList<long> Retire(IReadOnlyList<long> sequences, DateTimeOffset now)
    {
        IReadOnlyList<long> retired;
        try
        {
            // One transaction for the whole ack: a drained backlog is acknowledged in bursts, one fsync each.
            retired = _outbox.AcknowledgeMany(sequences, now);
        }
        catch (StorageUnavailableException e)
        {
            // Not recorded: the rows stay pending and in flight, are resent after the ack timeout, and acknowledged again.
            UplinkLog.OutboxUnavailable(_logger, e.Message);
            return [];
        }

        lock (_gate)
        {
            // Acknowledged now or before (a duplicate ack): either way no longer in flight.
            foreach (var sequence in sequences)
            {
                _inFlight.Remove(sequence);
            }
        }

        Interlocked.Add(ref _rowsAcknowledged, retired.Count);
        return retired;
    }
}
