using PanelAgent.Core.Capture;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Core.State;
using PanelAgent.Diagnostics;
using PanelAgent.Options;
using PanelAgent.Runtime;

namespace PanelAgent.Capture;

/// <summary>
/// panelctl <c>camera-test</c> on the running capture's cameras (V4L2 on the board, the synthetic scene under
/// <c>--simulate</c>): one frame per camera at the burst resolution, checked as untrusted input, measured (size,
/// exposure, mean luma, the covered-lens verdict of <see cref="LensCheck"/>) and then wiped. The frame is never encoded,
/// stored or sent (P5: it is no verification picture), and every frame taken is written to the access log. No test
/// frame while the P11 restriction stands, while an alarm or entry delay may need the camera, or while a burst holds it.
/// </summary>
public sealed class CaptureCameraDiagnostics(
    RuntimeHolder holder, PanelConfig config, IAccessLog access, IPrivacySettings? privacy, TimeProvider time) : ICameraDiagnostics
{
    public const string Actor = "panelctl";

    public async Task<IReadOnlyList<CameraTestResult>> TestAsync(CancellationToken cancellationToken)
    {
        var size = config.Cameras!.ToBurstSettings().Size;
        if (holder.Capture is not { } capture)
        {
            return Refused("capture is not running (is the database available?)");
        }

        if (privacy?.CaptureRestricted == true)
        {
            return Refused("image capture is restricted (P11); lift it to test");
        }

        if (holder.Runtime?.Panel.State.Phase is PanelPhase.Alarm or PanelPhase.EntryDelay)
        {
            return Refused("the camera is kept for the alarm in progress");
        }

        var results = new List<CameraTestResult>();
        foreach (var camera in capture.Cameras)
        {
            // V4L2 blocks for a frame: off the socket's thread.
            results.Add(await Task.Run(() => Test(camera, size), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private CameraTestResult Test(GuardedCamera camera, FrameSize size)
    {
        CameraFrame? frame;
        TimeSpan? exposure;
        try
        {
            if (!camera.TryCaptureForTest(size, out frame, out exposure))
            {
                return Problem(camera.Id, "busy with an alarm burst");
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Problem(camera.Id, ex is CameraException ? ex.Message : "device error: " + ex.GetType().Name);
        }

        try
        {
            access.Append(new AccessEntry(time.GetUtcNow(), Actor, AccessActions.CameraTestFrame, camera.Id,
                "measured and discarded"));
            if (FrameLimits.Check(frame, size) is { } bad)
            {
                return Problem(camera.Id, "corrupt frame: " + bad);
            }

            var (mean, _) = LensCheck.Luminance(frame!);
            return new CameraTestResult(camera.Id, frame!.Width, frame.Height, exposure, mean, LensCheck.IsCovered(frame), null);
        }
        finally
        {
            if (frame?.Data is { } data)
            {
                Array.Clear(data); // nothing of the room outlives the measurement
            }
        }
    }

    private List<CameraTestResult> Refused(string why) =>
        [.. config.Cameras!.Devices.Select(d => Problem(d.Id, why))];

    private static CameraTestResult Problem(string camera, string why) => new(camera, null, null, null, null, false, why);
}
