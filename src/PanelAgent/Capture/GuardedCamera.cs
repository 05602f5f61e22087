using PanelAgent.Core.Capture;
using PanelAgent.Core.Ports;

namespace PanelAgent.Capture;

/// <summary>
/// One camera shared by the alarm bursts and the technician's camera test: one frame at a time on the device. A burst
/// waits for a test frame in progress (one frame, well under a second); a test never waits for a burst, it reports
/// the camera busy, so a technician can never delay an alarm's pictures by more than the one frame.
/// </summary>
public sealed class GuardedCamera(ICamera inner) : ICamera
{
    private readonly Lock _device = new();

    public string Id => inner.Id;

    public CameraFrame Capture(FrameSize size)
    {
        lock (_device)
        {
            return inner.Capture(size);
        }
    }

    /// <summary>A frame and its exposure, or false when a burst holds the camera.</summary>
    public bool TryCaptureForTest(FrameSize size, out CameraFrame? frame, out TimeSpan? exposure)
    {
        (frame, exposure) = (null, null);
        if (!_device.TryEnter())
        {
            return false;
        }

        try
        {
            frame = inner.Capture(size);
            exposure = (inner as ICameraExposure)?.LastExposure;
            return true;
        }
        finally
        {
            _device.Exit();
        }
    }

    public void Dispose() => inner.Dispose();
}
