using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PanelAgent.Core.Ports;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Transport.Uplink;

/// <summary>
/// The panel's supervision on <c>panels/{id}/status</c> (issue 3 §4), sealed and retained: <c>online</c> after every
/// connect, a <c>heartbeat</c> every <see cref="EventUplinkOptions.HeartbeatInterval"/>, and the <c>offline</c> last
/// will the supervisor hands the broker at each connect. One loop seals and publishes in order, as the receiver's
/// replay guard requires for one topic. The station acknowledges each, so an idle panel still learns within three
/// intervals that its station has gone quiet (the uplink raises trouble.comms).
/// </summary>
public sealed class StatusSender
{
    private readonly MessageSealer _sealer;
    private readonly ConnectionSupervisor _link;
    private readonly IOutbox _outbox;
    private readonly EventUplinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _topic;
    private readonly IAccessLogHead? _accessHead;
    // The head sequence of the last status sealed in this run: the next status witnesses the hash held there now.
    private long? _lastAccessSeq;
    // Connects (online) and test requests (heartbeat now), sent by the one loop so they stay in sealing order.
    private readonly Channel<string> _requests =
        Channel.CreateBounded<string>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.DropWrite });

    public StatusSender(MessageSealer sealer, ConnectionSupervisor link, IOutbox outbox, EventUplinkOptions options,
        TimeProvider time, ILogger logger, IAccessLogHead? accessHead = null)
    {
        (_sealer, _link, _outbox, _options, _time, _logger) = (sealer, link, outbox, options, time, logger);
        _accessHead = accessHead;
        _topic = PanelTopics.Status(options.PanelId);
        link.LastWill = () => Seal(StatusStates.Offline);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _link.Connected += OnConnected;
        try
        {
            await LoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal stop: the supervisor's DISCONNECT asks the broker to publish the will.
        }
        finally
        {
            _link.Connected -= OnConnected;
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var heartbeats = _options.HeartbeatInterval > TimeSpan.Zero;
        while (true)
        {
            var state = await NextAsync(heartbeats, cancellationToken).ConfigureAwait(false);
            if (!_link.IsConnected)
            {
                continue; // the next connect announces online
            }

            var outcome = await _link.PublishAsync(_topic, Seal(state), retain: true, cancellationToken).ConfigureAwait(false);
            if (!outcome.IsSent)
            {
                TransportLog.StatusNotPublished(_logger, state, outcome.Status, outcome.Reason);
            }
        }
    }

    /// <summary>
    /// A heartbeat now, out of turn: the technician's link test (SIA RP / CID 602, acknowledged by the station like
    /// every heartbeat). Never blocks; dropped when requests are already queued.
    /// </summary>
    public void RequestHeartbeat() => _requests.Writer.TryWrite(StatusStates.Heartbeat);

    /// <summary>Waits for a request (online, a test heartbeat) or the next heartbeat time; without heartbeats, only requests.</summary>
    private async Task<string> NextAsync(bool heartbeats, CancellationToken cancellationToken)
    {
        if (!heartbeats)
        {
            return await _requests.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        using var timer = new CancellationTokenSource(_options.HeartbeatInterval, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await _requests.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StatusStates.Heartbeat;
        }
    }

    private byte[] Seal(string state)
    {
        long pending;
        try
        {
            pending = _outbox.PendingCount;
        }
        catch (StorageUnavailableException)
        {
            pending = -1; // unknown: the heartbeat still goes, it is about the link
        }

        var payload = new StatusPayload(state, _time.GetUtcNow() + _sealer.ClockOffset,
            (int)_options.HeartbeatInterval.TotalSeconds, pending, state == StatusStates.Offline ? null : AccessHead());
        return _sealer.Seal(_options.PanelId, TopicKind.Status, StatusPayloadCodec.Encode(payload));
    }

    /// <summary>
    /// The access log's head, or null when it cannot be read (the heartbeat still goes). Not in the last will: that is
    /// sealed at connect and published much later, and would witness nothing.
    /// </summary>
    private AccessHeadPayload? AccessHead()
    {
        if (_accessHead is null)
        {
            return null;
        }

        try
        {
            var head = _accessHead.ReadAccessHead(_lastAccessSeq); // only the status loop seals a non-will status
            _lastAccessSeq = head.Sequence;
            return new AccessHeadPayload(head.Entries, head.Sequence, head.Hash, head.WitnessSequence, head.WitnessHash);
        }
        catch (StorageUnavailableException)
        {
            return null;
        }
    }

    private void OnConnected(object? sender, LinkConnectedEventArgs e) => _requests.Writer.TryWrite(StatusStates.Online);
}
