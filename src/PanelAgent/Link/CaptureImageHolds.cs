using PanelAgent.Core.Ports;
using PanelAgent.Runtime;

namespace PanelAgent.Link;

/// <summary>
/// The station's police hold (P6) on the running capture's image store: the alarm's images are kept
/// <c>days</c> from now, never beyond 30 days from their capture (the store clamps), and the hold is access-logged.
/// </summary>
public sealed class CaptureImageHolds(RuntimeHolder holder, TimeProvider time) : IImageHolds
{
    public string? Hold(long alarmSequence, int days)
    {
        if (holder.Capture is not { } capture)
        {
            return "no-cameras";
        }

        var held = capture.Images.Hold(alarmSequence, time.GetUtcNow().AddDays(days), "station");
        return held > 0 ? null : "no-images";
    }
}
