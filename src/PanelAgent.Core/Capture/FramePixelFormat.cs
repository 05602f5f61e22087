namespace PanelAgent.Core.Capture;

/// <summary>The raw layouts a camera may hand over. Raw only: a camera's own JPEG would be a file of unknown origin to
/// decode (DEPENDENCY-NOTES), so V4L2 devices are asked for YUYV.</summary>
public enum FramePixelFormat
{
    /// <summary>3 bytes per pixel, R G B.</summary>
    Rgb24,
    /// <summary>YUV 4:2:2 packed (V4L2 YUYV): 2 bytes per pixel, Y0 U Y1 V per pixel pair.</summary>
    Yuyv,
}
