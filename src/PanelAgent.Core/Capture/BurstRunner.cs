using Microsoft.Extensions.Logging;
using PanelAgent.Core.Ports;

namespace PanelAgent.Core.Capture;

/// <summary>
/// Turns one <see cref="CaptureOrder"/> into a burst of stored JPEGs: capture, check (limits, lens), encode (no
/// metadata), store encrypted. A failing or corrupt camera ends its burst and is reported, never thrown: the caller
/// turns it into <c>trouble.camera</c>.
/// </summary>
internal sealed class BurstRunner(BurstSettings burst, CaptureDevices devices, IImageStore images, TimeProvider time, ILogger logger)
{
    /// <summary>The outcome of one burst: frames stored, a camera problem, a covered lens.</summary>
    public sealed record Result(int Stored, string? Problem, bool Covered);

    /// <summary>
    /// Takes the burst; <paramref name="frameStored"/> is called after each stored frame, so the first image can leave
    /// while the interval paces the rest.
    /// </summary>
    public async Task<Result> RunAsync(CaptureOrder order, bool pace, Action? frameStored, CancellationToken ct)
    {
        if (!devices.Cameras.TryGetValue(order.Camera, out var camera))
        {
            return new Result(0, "not installed", false);
        }

        var stored = 0;
        var covered = false;
        for (var i = 0; i < burst.Frames; i++)
        {
            if (i > 0 && pace)
            {
                await Task.Delay(burst.Interval, time, ct).ConfigureAwait(false);
            }

            var (jpeg, frame, problem) = Take(camera);
            if (problem is not null)
            {
                CaptureLog.CameraProblem(logger, order.Camera, problem);
                return new Result(stored, problem, covered);
            }

            covered |= LensCheck.IsCovered(frame!);
            if (!TrySave(order, i, frame!, jpeg!))
            {
                break;
            }

            stored++;
            frameStored?.Invoke();
        }

        CaptureLog.Captured(logger, stored, order.Camera, order.AlarmSeq, order.Reason);
        return new Result(stored, null, covered);
    }

    /// <summary>One frame, checked and encoded; any failure of the device, the frame or the encoder is a problem.</summary>
    private (byte[]? Jpeg, CameraFrame? Frame, string? Problem) Take(ICamera camera)
    {
        try
        {
            var frame = camera.Capture(burst.Size);
            if (FrameLimits.Check(frame, burst.Size) is { } bad)
            {
                return (null, null, "corrupt frame: " + bad);
            }

            return (devices.Encoder.Encode(frame), frame, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // CameraException for the expected faults; anything else from a driver is a camera fault just the same.
            return (null, null, ex is CameraException ? ex.Message : "device error: " + ex.GetType().Name);
        }
    }

    private bool TrySave(CaptureOrder order, int index, CameraFrame frame, byte[] jpeg)
    {
        var record = new ImageRecord(order.AlarmSeq, order.Zone, order.Camera, index, order.Reason, order.Held,
            time.GetUtcNow(), frame.Width, frame.Height);
        try
        {
            images.Save(record, jpeg);
            return true;
        }
        catch (StorageUnavailableException ex)
        {
            CaptureLog.StorageFailed(logger, ex);
            return false;
        }
    }
}
