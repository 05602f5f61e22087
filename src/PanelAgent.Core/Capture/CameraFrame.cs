namespace PanelAgent.Core.Capture;

/// <summary>One raw frame as a camera delivered it: untrusted until <see cref="FrameLimits.Check"/> says otherwise.</summary>
public sealed record CameraFrame(int Width, int Height, FramePixelFormat Format, byte[] Data)
{
    public static int BytesPerPixel(FramePixelFormat format) => format == FramePixelFormat.Rgb24 ? 3 : 2;
}
