namespace PanelAgent.Core.Capture;

/// <summary>
/// Frames are untrusted input (a camera module is a device on a cable anyone in the room can reach): dimensions,
/// pixel count and buffer length are checked before anything reads the pixels.
/// </summary>
public static class FrameLimits
{
    public const int MaxWidth = 1920;
    public const int MaxHeight = 1080;
    public const int MaxPixels = MaxWidth * MaxHeight;

    /// <summary>Null when the frame is usable as <paramref name="expected"/>; otherwise why not (no pixel data in it).</summary>
    public static string? Check(CameraFrame? frame, FrameSize expected)
    {
        if (frame?.Data is null)
        {
            return "no frame";
        }

        if (frame.Width <= 0 || frame.Height <= 0 || frame.Width > MaxWidth || frame.Height > MaxHeight
            || (long)frame.Width * frame.Height > MaxPixels)
        {
            return $"size {frame.Width}x{frame.Height} outside the limits";
        }

        if (frame.Width != expected.Width || frame.Height != expected.Height)
        {
            return $"size {frame.Width}x{frame.Height}, asked for {expected}";
        }

        if (frame.Format == FramePixelFormat.Yuyv && frame.Width % 2 != 0)
        {
            return "odd width in YUYV";
        }

        long needed = (long)frame.Width * frame.Height * CameraFrame.BytesPerPixel(frame.Format);
        return frame.Data.Length == needed ? null : $"{frame.Data.Length} bytes, expected {needed}";
    }
}
