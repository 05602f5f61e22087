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
/// limit, each chunk sealed on its own (AES-256-GCM, so authenticated) and published at QoS 1; the image is marked sent
/// once its last chunk has been published. The alarm event goes first: while any alarm-priority event waits in the
/// outbox for the station's acknowledgement, no image chunk is published, and a pending alarm stops a burst between
/// two chunks (the image is sent again whole later; the station ignores the chunks it already has).
/// </summary>
public sealed partial class ImageUplink(
    IImageStore images, IOutbox outbox, MessageSealer sealer, ConnectionSupervisor link, ImageUplinkOptions options,
    TimeProvider time, ILogger logger)
{
    private const int Batch = 16;
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Images were stored or released. Never blocks.</summary>
    public void Notify() => _signal.Release();

    public async Task RunAsync(CancellationToken ct)
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

    /// <summary>Sends what is unsent, oldest first; returns how many images went out.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        var sent = 0;
        foreach (var image in images.Unsent(Batch))
        {
            if (AlarmEventsPending() || !await SendAsync(image, ct).ConfigureAwait(false))
            {
                break;
            }

            images.MarkSent(image.Id, time.GetUtcNow());
            sent++;
        }

        if (sent > 0)
        {
            Sent(logger, sent);
        }

        return sent;
    }

    private async Task<bool> SendAsync(StoredImage image, CancellationToken ct)
    {
        if (images.Read(image.Id) is not { } jpeg)
        {
            return true; // deleted meanwhile (expired, quota): nothing to send, nothing to wait for
        }

        var r = image.Record;
        var chunks = ImageChunkCodec.Split(jpeg, image.Id, r.AlarmSeq, r.CapturedAt, r.Frame, r.Zone, r.Camera, options.PacketLimit);
        var topic = PanelTopics.Images(options.PanelId);
        for (var i = 0; i < chunks.Count; i++)
        {
            if (i > 0 && AlarmEventsPending())
            {
                return false;
            }

            var message = sealer.Seal(options.PanelId, TopicKind.Images, chunks[i]);
            var outcome = await link.PublishAsync(topic, message, retain: false, ct).ConfigureAwait(false);
            if (!outcome.IsSent)
            {
                PublishFailed(logger, image.Id, outcome.Status.ToString());
                return false;
            }
        }

        return true;
    }

    private bool AlarmEventsPending() => outbox.NextToSend(1) is [var first] && first.Event.Priority == EventPriority.Alarm;

    [LoggerMessage(6150, LogLevel.Information, "Sent {Count} image(s) to the station")]
    private static partial void Sent(ILogger logger, int count);

    [LoggerMessage(6151, LogLevel.Warning, "Image {ImageId} not sent ({Status}); retried later")]
    private static partial void PublishFailed(ILogger logger, long imageId, string status);

    [LoggerMessage(6152, LogLevel.Error, "Image uplink could not read the image store; retrying")]
    private static partial void SendFailed(ILogger logger, Exception exception);
}
