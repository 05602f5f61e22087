using PanelAgent.Core.Ports;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Runtime;
using PanelAgent.Transport;
using PanelAgent.Transport.Images;
using PanelAgent.Transport.Uplink;

namespace PanelAgent.Capture;

/// <summary>
/// The image half of one station-link run, started by <c>LinkService</c> beside the event uplink: waits for capture to
/// be attached (the services start independently), then sends images through the same connection and sealing session
/// while the run lasts. Ends quietly when the run is cancelled; never ends the link.
/// </summary>
internal static partial class ImageLink
{
    private static readonly TimeSpan s_capturePoll = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(RuntimeHolder holder, IOutbox outbox, MessageSealer sealer, ConnectionSupervisor link,
        EventUplink events, string panelId, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger<ImageUplink>();
        try
        {
            CaptureRuntime? capture;
            while ((capture = holder.Capture) is null)
            {
                await Task.Delay(s_capturePoll, time, ct).ConfigureAwait(false);
            }

            var packetLimit = capture.PacketLimit;
            var uplink = new ImageUplink(capture.Images, outbox, sealer, link, new ImageUplinkOptions(panelId, packetLimit), time, logger);
            void Ready(long _) => uplink.Notify();
            // Images wait while an alarm event is unacknowledged: its ack is what lets them go, so it wakes the sender
            // (else they would wait for the retry interval).
            void Acknowledged(object? sender, UplinkAcknowledgedEventArgs e) => uplink.Notify();
            capture.Coordinator.ImagesReady += Ready;
            events.Acknowledged += Acknowledged;
            events.ImagesAcknowledged += uplink.Acknowledge; // the station wrote them: delivered end to end
            try
            {
                uplink.Notify(); // images stored while the link was down
                await uplink.RunAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                capture.Coordinator.ImagesReady -= Ready;
                events.Acknowledged -= Acknowledged;
                events.ImagesAcknowledged -= uplink.Acknowledge;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Failed(logger, ex); // images wait for the next link run; events are not affected
        }
    }

    [LoggerMessage(6160, LogLevel.Error, "Image sending stopped for this link run")]
    private static partial void Failed(ILogger logger, Exception exception);
}
