namespace PanelAgent.Options;

/// <summary><c>Cameras:Burst</c>: frames per trigger, the pause between them, and the resolution ("640x480").</summary>
public sealed class BurstOptions
{
    public int Frames { get; set; } = 3;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(500);

    public string Resolution { get; set; } = "640x480";
}
