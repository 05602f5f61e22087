namespace PanelAgent.Core.Capture;

/// <summary>
/// Covered or blinded lens, from the frame alone: a hand, tape or paint over the lens gives an almost uniform dark
/// frame; a torch or laser into it an almost uniform bright one. A real scene, even a dark room lit by the module's IR
/// LEDs, has edges and so spread. So: luminance (BT.601 Y) mean below <see cref="DarkMean"/> or above
/// <see cref="BrightMean"/>, together with a standard deviation below <see cref="MaxSpread"/>. Every 4th pixel of every
/// 4th row is enough for a mean and a spread, and keeps the check cheap on the panel.
/// </summary>
public static class LensCheck
{
    public const double DarkMean = 16;
    public const double BrightMean = 240;
    public const double MaxSpread = 6;
    private const int Step = 4;

    /// <summary>True when the (checked) frame looks covered or blinded.</summary>
    public static bool IsCovered(CameraFrame frame)
    {
        var (mean, spread) = Luminance(frame);
        return (mean < DarkMean || mean > BrightMean) && spread < MaxSpread;
    }

    /// <summary>Mean and standard deviation of luminance over a sample grid, in 0-255.</summary>
    public static (double Mean, double Spread) Luminance(CameraFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        double sum = 0, squares = 0;
        long count = 0;
        for (var y = 0; y < frame.Height; y += Step)
        {
            for (var x = 0; x < frame.Width; x += Step)
            {
                var luma = LumaAt(frame, x, y);
                sum += luma;
                squares += luma * luma;
                count++;
            }
        }

        var mean = sum / count;
        return (mean, Math.Sqrt(Math.Max(0, (squares / count) - (mean * mean))));
    }

    private static double LumaAt(CameraFrame frame, int x, int y)
    {
        if (frame.Format == FramePixelFormat.Yuyv)
        {
            return frame.Data[((y * frame.Width) + x) * 2]; // Y0 or Y1, at the pixel's even offset
        }

        var i = ((y * frame.Width) + x) * 3;
        return (0.299 * frame.Data[i]) + (0.587 * frame.Data[i + 1]) + (0.114 * frame.Data[i + 2]);
    }
}
