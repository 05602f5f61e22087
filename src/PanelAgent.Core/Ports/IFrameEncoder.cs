using PanelAgent.Core.Capture;

namespace PanelAgent.Core.Ports;

/// <summary>Turns a checked frame into a JPEG with no metadata.</summary>
public interface IFrameEncoder
{
    /// <summary>Encodes; throws <see cref="CameraException"/> when the frame cannot be encoded within the memory limit.</summary>
    byte[] Encode(CameraFrame frame);
}
