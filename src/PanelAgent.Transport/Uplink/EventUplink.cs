using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Payloads;

namespace PanelAgent.Transport.Uplink;

/// <summary>
/// Sends the outbox to the station and retires rows only on the station's authenticated acknowledgement (issue 3 §3):
/// store, propose, signal, send, checkpoint (iotedge StoringAsyncEndpointExecutor). Rows leave in the outbox's
/// priority order at QoS 1; a PUBACK only means the broker has it. Unacknowledged rows are sealed again and resent
/// after every connect and after <see cref="EventUplinkOptions.AckTimeout"/>; the station drops duplicates by
/// (panel, seq). Raises and restores comms trouble through the callback when acknowledgements stop and resume (§4).
/// </summary>
public sealed partial class EventUplink
{
    private readonly IOutbox _outbox;
    private readonly UplinkSealing _sealing;
    private readonly ConnectionSupervisor _link;
    private readonly Action<bool> _commsTrouble;
    private readonly EventUplinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _eventsTopic;
    private readonly string _acksTopic;
    private readonly Channel<bool> _wake =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Publishes awaiting their PUBACK at once during a pass (a drained backlog).</summary>
    private const int MaxPublishesInFlight = 32;

    // Sequence → when it was last published; guarded by _gate, like the trouble fields below. Every interval here is
    // measured on the monotonic timestamp (TimeProvider.GetTimestamp), never on the wall clock: a wall clock set back an
    // hour held every row in flight for that hour (found by the fault campaign's clock jumps).
    private readonly Lock _gate = new();
    private readonly Dictionary<long, long> _inFlight = [];
    private long _quietSince;
    private long? _lastAck;
    private DateTimeOffset? _lastAckWall;
    private bool _troubleRaised;
    private long _troubleRaisedAt;
    private int _reconnected;
    private long _sent;
    private long _resent;

    public EventUplink(IOutbox outbox, UplinkSealing sealing, ConnectionSupervisor link, Action<bool> commsTrouble,
        EventUplinkOptions options, TimeProvider time, ILogger<EventUplink>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(sealing);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(commsTrouble);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        (_outbox, _sealing, _link, _commsTrouble, _options, _time) = (outbox, sealing, link, commsTrouble, options, time);
        _logger = logger ?? NullLogger<EventUplink>.Instance;
        _eventsTopic = PanelTopics.Events(options.PanelId);
        _acksTopic = PanelTopics.Acks(options.PanelId);
        _quietSince = time.GetTimestamp();
    }

    /// <summary>Raised (on the ack worker) after rows were marked acknowledged in the outbox.</summary>
    public event EventHandler<UplinkAcknowledgedEventArgs>? Acknowledged;

    /// <summary>When the station last acknowledged anything (events or heartbeats); null before the first.</summary>
    public DateTimeOffset? LastAcknowledged
    {
        get { lock (_gate) { return _lastAckWall; } }
    }

    /// <summary>True while comms trouble is raised.</summary>
    public bool CommsTrouble
    {
        get { lock (_gate) { return _troubleRaised; } }
    }

    public UplinkCounters Counters => new(Interlocked.Read(ref _sent), Interlocked.Read(ref _resent),
        Interlocked.Read(ref _rowsAcknowledged), Interlocked.Read(ref _acksAccepted), RejectedSnapshot(),
        Interlocked.Read(ref _acksMalformed), Interlocked.Read(ref _acksDropped));

    /// <summary>Call after a commit: the new rows are read and sent now instead of at the next poll. Never blocks.</summary>
    public void Notify() => _wake.Writer.TryWrite(true);

    /// <summary>Runs until <paramref name="cancellationToken"/> fires; run it beside the supervisor's loop.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _link.Connected += OnConnected;
        _link.Disconnected += OnDisconnected;
        _link.MessageReceived += OnMessageReceived;
        UplinkLog.Started(_logger, _options.PanelId);
        var acks = Task.Run(() => ProcessAcksAsync(cancellationToken), CancellationToken.None);
        try
        {
            // Re-applied by the supervisor after every connect (clean start), before it raises Connected.
            await _link.SubscribeAsync(_acksTopic, cancellationToken).ConfigureAwait(false);
            await SendLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal stop.
        }
        finally
        {
            _link.Connected -= OnConnected;
            _link.Disconnected -= OnDisconnected;
            _link.MessageReceived -= OnMessageReceived;
            _acks.Writer.TryComplete();
            await acks.ConfigureAwait(false);
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Interlocked.Exchange(ref _reconnected, 0) == 1)
            {
                // A new connection: whatever was in flight may have died with the old one. Resend it all.
                lock (_gate)
                {
                    _inFlight.Clear();
                }
            }

            var pending = await SendDueAsync(cancellationToken).ConfigureAwait(false);
            UpdateCommsTrouble(pending);
            await WaitForWakeAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the next window and publishes every row not in flight or past its ack timeout, up to
    /// <see cref="MaxPublishesInFlight"/> awaiting their PUBACK at once. Returns the pending count seen.
    /// </summary>
    /// <remarks>
    /// Pipelined, yet in order: each publish is started before the next, and MQTTnet queues packets for the socket in
    /// call order (its send lock is first-come first-served), so the broker, and the station behind it, get them in
    /// window order. Awaiting each PUBACK before the next publish capped a drained backlog at one round trip per event.
    /// </remarks>
    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredEvent> rows;
        try
        {
            rows = _outbox.NextToSend(_options.BatchSize);
        }
        catch (StorageUnavailableException e)
        {
            UplinkLog.OutboxUnavailable(_logger, e.Message);
            return 0;
        }

        var publishing = new Queue<(long Sequence, bool Resend, Task<PublishOutcome> Publish)>();
        var healthy = true;
        foreach (var row in rows)
        {
            if (!healthy || !_link.IsConnected)
            {
                break;
            }

            if (StartIfDue(row, cancellationToken) is { } started)
            {
                publishing.Enqueue(started);
            }

            if (publishing.Count >= MaxPublishesInFlight)
            {
                healthy = await CompleteOldestAsync(publishing, healthy).ConfigureAwait(false);
            }
        }

        while (publishing.Count > 0)
        {
            healthy = await CompleteOldestAsync(publishing, healthy).ConfigureAwait(false);
        }

        return rows.Count;
    }

    /// <summary>Seals and starts the row's publish when it is not in flight or its ack is overdue; null otherwise.</summary>
    private (long, bool, Task<PublishOutcome>)? StartIfDue(StoredEvent row, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        bool resend;
        lock (_gate)
        {
            resend = _inFlight.TryGetValue(row.Sequence, out var sentAt);
            if (resend && _time.GetElapsedTime(sentAt, now) < _options.AckTimeout)
            {
                return null;
            }

            // In flight from now: an ack that overtakes the PUBACK must find it, or the row would linger here.
            _inFlight[row.Sequence] = now;
        }

        // Sealed again for every send, never copied: the receiver would take a copy for a replay (docs/protocol.md).
        var wire = _sealing.Sealer.Seal(_options.PanelId, TopicKind.Events,
            EventPayloadCodec.Encode(EventPayload.From(row)));
        return (row.Sequence, resend, _link.PublishAsync(_eventsTopic, wire, retain: false, cancellationToken));
    }

    /// <summary>
    /// Awaits the oldest publish. False once one was not sent (link down, broker refused): the rest of the pass still
    /// completes, but none of it counts as sent, and the next connect or poll resends from there in order.
    /// </summary>
    private async Task<bool> CompleteOldestAsync(
        Queue<(long Sequence, bool Resend, Task<PublishOutcome> Publish)> publishing, bool healthy)
    {
        var (sequence, resend, publish) = publishing.Dequeue();
        var outcome = await publish.ConfigureAwait(false);
        if (!healthy || !outcome.IsSent)
        {
            if (healthy)
            {
                UplinkLog.NotSent(_logger, sequence, outcome.Status, outcome.Reason);
            }

            lock (_gate)
            {
                _inFlight.Remove(sequence);
            }

            return false;
        }

        Interlocked.Increment(ref _sent);
        if (resend)
        {
            Interlocked.Increment(ref _resent);
        }

        return true;
    }

    /// <summary>
    /// Raised: rows pending (or heartbeats owed an ack) and no authenticated ack for the threshold. Restored: an
    /// authenticated ack after raising.
    /// </summary>
    private void UpdateCommsTrouble(int pending)
    {
        var now = _time.GetTimestamp();
        // With heartbeats the station owes us an ack every interval, so silence is trouble even with nothing pending.
        var expecting = pending > 0 || _options.HeartbeatInterval > TimeSpan.Zero;
        bool? change = null;
        TimeSpan silent;
        lock (_gate)
        {
            if (!expecting && !_troubleRaised)
            {
                _quietSince = now;
            }

            silent = _time.GetElapsedTime(Math.Max(_quietSince, _lastAck ?? long.MinValue), now);
            if (_troubleRaised && _lastAck > _troubleRaisedAt)
            {
                _troubleRaised = false;
                change = false;
            }
            else if (!_troubleRaised && expecting && silent >= _options.CommsTroubleAfter)
            {
                _troubleRaised = true;
                _troubleRaisedAt = now;
                change = true;
            }
        }

        if (change is { } raised)
        {
            if (raised)
            {
                UplinkLog.CommsTroubleRaised(_logger, pending, silent);
            }
            else
            {
                UplinkLog.CommsTroubleRestored(_logger);
            }

            _commsTrouble(raised);
        }
    }


    private async Task WaitForWakeAsync(CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(_options.PollInterval, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _wake.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: read the outbox again (new rows, ack timeouts, the trouble threshold).
        }
    }

    private void OnConnected(object? sender, LinkConnectedEventArgs e)
    {
        Interlocked.Exchange(ref _reconnected, 1);
        Notify();
    }

    private void OnDisconnected(object? sender, EventArgs e) => Notify();
}
