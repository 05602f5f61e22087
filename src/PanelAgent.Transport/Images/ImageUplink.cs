using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PanelAgent.Core.Capture;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Images;
using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Transport.Images;

/// <summary>
/// Sends verification images on <c>panels/{id}/images</c>: each image split into chunks under the broker's packet
/// limit, each chunk sealed on its own (AES-256-GCM, so authenticated) and published at QoS 1. An image counts as
/// delivered only when the station acknowledges it (an <c>images</c> list in its signed ack, after it has reassembled,
/// verified and written the file): a PUBACK says only that the broker has the chunks, and a broker that restarts loses
/// them. Until then the image is sent again whole after <see cref="ImageUplinkOptions.AckTimeout"/>, backing off; the
/// station ignores chunks it has and acknowledges an image it already wrote. The alarm event goes first: while any
/// alarm-priority event waits in the outbox for the station's acknowledgement, no image chunk is published, and a
/// pending alarm stops a burst between two chunks.
/// </summary>
public sealed partial class ImageUplink(
    IImageStore images, IOutbox outbox, MessageSealer sealer, ConnectionSupervisor link, ImageUplinkOptions options,
    TimeProvider time, ILogger logger)
{
    private const int Batch = 16;
    // At most one wake pending: every frame stored, event ack and image ack notifies, and a pass handles them all.
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly ConcurrentQueue<long> _acknowledged = new();

    // Published, not yet acknowledged: when (monotonic) and how often. Touched by the send loop only.
    // Stale: published on a connection that has since been replaced, so due again at once.
    private readonly Dictionary<long, (long PublishedAt, int Sends, bool Stale)> _awaiting = [];
    private int _reconnected;

    /// <summary>Images published and waiting for the station's acknowledgement.</summary>
    public int AwaitingAcknowledgement => _awaiting.Count;

    /// <summary>Images sent again because no acknowledgement came in time, since this uplink started.</summary>
    public long Resent { get; private set; }

    /// <summary>Images were stored or released. Never blocks.</summary>
    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake is already pending.
        }
    }

    /// <summary>The station has written these images (from its signed ack). Never blocks: recorded by the send loop.</summary>
    public void Acknowledge(IReadOnlyList<long> imageIds)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        foreach (var id in imageIds)
        {
            _acknowledged.Enqueue(id);
        }

        Notify();
    }

    public async Task RunAsync(CancellationToken ct)
    {
        link.Connected += OnConnected;
        try
        {
            await LoopAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            link.Connected -= OnConnected;
        }
    }

    /// <summary>
    /// A new connection: chunks in flight on the old one may have died with it (a broker restarted without them), so
    /// every image still waiting for the station is due again now, not after its ack timeout.
    /// </summary>
    private void OnConnected(object? sender, LinkConnectedEventArgs e)
    {
        Interlocked.Exchange(ref _reconnected, 1);
        Notify();
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        Task? signalled = null;
        while (!ct.IsCancellationRequested)
        {
            // One signal wait lives across rounds, so a retry timeout never leaves a waiter behind to eat a signal.
            signalled ??= _signal.WaitAsync(ct);
            await Task.WhenAny(signalled, Task.Delay(ImageUplinkOptions.RetryInterval, time, ct)).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            if (signalled.IsCompleted)
            {
                signalled = null;
            }

            try
            {
                await SendPendingAsync(ct).ConfigureAwait(false);
            }
            catch (StorageUnavailableException ex)
            {
                SendFailed(logger, ex);
            }
        }
    }

    /// <summary>
    /// Records the station's acknowledgements, then sends what is unacknowledged and due (never sent, or its
    /// acknowledgement overdue), oldest first; returns how many images were published.
    /// </summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        RecordAcknowledged();
        if (Interlocked.Exchange(ref _reconnected, 0) == 1)
        {
            foreach (var id in _awaiting.Keys.ToList())
            {
                _awaiting[id] = _awaiting[id] with { Stale = true };
            }
        }

        var limit = Batch + _awaiting.Count;
        var unsent = images.Unsent(limit);
        if (unsent.Count < limit)
        {
            // Every unsent image is in hand: one awaited but gone (expired, evicted, erased) will never be acknowledged.
            _awaiting.Keys.Except(unsent.Select(i => i.Id)).ToList().ForEach(id => _awaiting.Remove(id));
        }

        var sent = 0;
        foreach (var image in unsent.Where(IsDue).Take(Batch).ToList())
        {
            if (AlarmEventsPending())
            {
                break;
            }

            var outcome = await SendAsync(image, ct).ConfigureAwait(false);
            if (outcome == SendOutcome.Stopped)
            {
                break;
            }

            if (outcome == SendOutcome.Gone)
            {
                _awaiting.Remove(image.Id);
                continue;
            }

            var sends = _awaiting.TryGetValue(image.Id, out var before) ? before.Sends : 0;
            Resent += sends > 0 ? 1 : 0;
            _awaiting[image.Id] = (time.GetTimestamp(), sends + 1, false);
            sent++;
        }

        if (sent > 0)
        {
            Sent(logger, sent);
        }

        return sent;
    }

    private void RecordAcknowledged()
    {
        var count = 0;
        while (_acknowledged.TryPeek(out var id))
        {
            // Marked before it leaves the queue: when the store fails, the ack is recorded on the next round.
            images.MarkSent(id, time.GetUtcNow());
            _acknowledged.TryDequeue(out _);
            _awaiting.Remove(id);
            count++;
        }

        if (count > 0)
        {
            Acknowledged(logger, count);
        }
    }

    private bool IsDue(StoredImage image) =>
        !_awaiting.TryGetValue(image.Id, out var waiting) || waiting.Stale
        || time.GetElapsedTime(waiting.PublishedAt) >= ResendAfter(waiting.Sends);

    private TimeSpan ResendAfter(int sends)
    {
        var wait = options.AckTimeout * Math.Pow(2, Math.Min(sends - 1, 16));
        return wait < options.MaxResendInterval ? wait : options.MaxResendInterval;
    }

    private async Task<SendOutcome> SendAsync(StoredImage image, CancellationToken ct)
    {
        if (images.Read(image.Id) is not { } jpeg)
        {
            return SendOutcome.Gone; // deleted meanwhile (expired, quota): nothing to send, nothing to wait for
        }

        var r = image.Record;
        var chunks = ImageChunkCodec.Split(jpeg, image.Id, r.AlarmSeq, r.CapturedAt, r.Frame, r.Zone, r.Camera, options.PacketLimit);
        var topic = PanelTopics.Images(options.PanelId);
        for (var i = 0; i < chunks.Count; i++)
        {
            if (i > 0 && AlarmEventsPending())
            {
                return SendOutcome.Stopped;
            }

            var message = sealer.Seal(options.PanelId, TopicKind.Images, chunks[i]);
            var outcome = await link.PublishAsync(topic, message, retain: false, ct).ConfigureAwait(false);
            if (!outcome.IsSent)
            {
                PublishFailed(logger, image.Id, outcome.Status.ToString());
                return SendOutcome.Stopped;
            }
        }

        return SendOutcome.Sent;
    }

    private enum SendOutcome
    {
        Sent,
        Gone,
        Stopped,
    }

    private bool AlarmEventsPending() => outbox.NextToSend(1) is [var first] && first.Event.Priority == EventPriority.Alarm;

    [LoggerMessage(6150, LogLevel.Information, "Sent {Count} image(s) to the station; awaiting its acknowledgement")]
    private static partial void Sent(ILogger logger, int count);

    [LoggerMessage(6151, LogLevel.Warning, "Image {ImageId} not sent ({Status}); retried later")]
    private static partial void PublishFailed(ILogger logger, long imageId, string status);

    [LoggerMessage(6153, LogLevel.Information, "The station acknowledged {Count} image(s)")]
    private static partial void Acknowledged(ILogger logger, int count);

    [LoggerMessage(6152, LogLevel.Error, "Image uplink could not read the image store; retrying")]
    private static partial void SendFailed(ILogger logger, Exception exception);
}
