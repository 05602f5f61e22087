namespace PanelAgent.Core.Capture;

/// <summary>How one capture order becomes frames: how many, how far apart, at which size.</summary>
public sealed record BurstSettings
{
    public const int MaxFrames = 10;
    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(5);

    public int Frames { get; init; } = 3;

    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(500);

    public FrameSize Size { get; init; } = FrameSize.Vga;
}
