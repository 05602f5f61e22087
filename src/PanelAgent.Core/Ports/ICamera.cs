using PanelAgent.Core.Capture;

namespace PanelAgent.Core.Ports;

/// <summary>
/// One camera of a camera-PIR module (its PIR is an ordinary zone input). Only the capture coordinator calls it, and
/// only for an order of <see cref="CapturePolicy"/>. A frame is untrusted input: the caller checks it with
/// <see cref="FrameLimits"/> before using a byte of it.
/// </summary>
public interface ICamera : IDisposable
{
    /// <summary>The camera id of the configuration.</summary>
    string Id { get; }

    /// <summary>Takes one frame at <paramref name="size"/>. Throws <see cref="CameraException"/> when the device fails.</summary>
    CameraFrame Capture(FrameSize size);
}
