namespace PanelAgent.Options;

/// <summary>One camera under <c>Cameras:Devices</c>: its id, what it captures for, and its V4L2 device number.</summary>
public sealed class CameraDeviceOptions
{
    public string Id { get; set; } = "";

    /// <summary>The camera-PIR zone it sits in (its PIR is that zone's input), if any.</summary>
    public string? Zone { get; set; }

    /// <summary>Other camera-PIR zones whose intrusion alarm it also captures.</summary>
    public List<string> Follows { get; set; } = [];

    /// <summary>Fire zones it verifies (P2).</summary>
    public List<string> VerifiesFire { get; set; } = [];

    /// <summary>Panic/SOS/silent zones it captures for, when <c>CaptureOnPanic</c>/<c>CaptureOnSilent</c> allow (P4).</summary>
    public List<string> Covers { get; set; } = [];

    /// <summary>Takes the disarm sabotage-check frames when <c>Cameras:SabotageCheck</c> is on (P3).</summary>
    public bool SabotageCheck { get; set; }

    /// <summary>N of <c>/dev/videoN</c> on the real board.</summary>
    public int VideoDevice { get; set; }
}
