using System.Diagnostics;
using PanelAgent.Core.Capture;
using PanelAgent.Core.Ports;

namespace PanelAgent.Capture;

/// <summary>
/// The first JPEG a process encodes pays for compiling the encoder: 56–70 ms on the x86-64 bench machine
/// (<c>bench.sh images</c>, figure <c>encode-first</c>), more on a panel's ARM cores. Paid once at start, on a blank
/// frame that no camera took, so that the first alarm's first picture does not wait for the JIT. No camera is
/// touched, nothing is stored or sent: it is not a capture (P5).
/// </summary>
internal static partial class EncoderWarmUp
{
    /// <summary>Small, so the warm-up costs little memory; the code paths are the same at any size.</summary>
    public static CameraFrame BlankFrame() => new(64, 48, FramePixelFormat.Rgb24, new byte[64 * 48 * 3]);

    public static void Run(IFrameEncoder encoder, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var started = Stopwatch.GetTimestamp();
        try
        {
            encoder.Encode(BlankFrame());
            Warmed(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (CameraException ex)
        {
            Failed(logger, ex.Message); // the first alarm pays the JIT instead; nothing else changes
        }
    }

    [LoggerMessage(6104, LogLevel.Debug, "JPEG encoder warmed in {Milliseconds:F1} ms")]
    private static partial void Warmed(ILogger logger, double milliseconds);

    [LoggerMessage(6105, LogLevel.Warning, "JPEG encoder warm-up failed: {Reason}")]
    private static partial void Failed(ILogger logger, string reason);
}
