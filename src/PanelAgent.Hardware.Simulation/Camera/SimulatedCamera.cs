using System.Globalization;
using PanelAgent.Core.Capture;
using PanelAgent.Core.Ports;

namespace PanelAgent.Hardware.Simulation.Camera;

/// <summary>
/// A synthetic camera for tests, the demo and the HIL simulation: it renders, deterministically from the (virtual)
/// clock, a gradient room, a square moving across it (one width every 10 s) and a label with the zone and the time,
/// drawn with <see cref="TinyFont"/>. It can be told to deliver a covered lens, a corrupt or oversized frame, or fail.
/// The scene shows no person: synthetic data only (P12).
/// </summary>
public sealed class SimulatedCamera(string id, string label, TimeProvider time) : ICamera, ICameraExposure
{
    // A lit room at 1/120 s; a covered lens drives the auto-exposure to its longest, 1/30 s, as a real module does.
    private static readonly TimeSpan s_litExposure = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 120);
    private static readonly TimeSpan s_darkExposure = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 30);

    private const int Scale = 2;

    public string Id { get; } = id;

    public SimulatedCameraMode Mode { get; set; } = SimulatedCameraMode.Normal;

    /// <summary>Frames delivered so far (any mode), for tests.</summary>
    public int Captures { get; private set; }

    public TimeSpan? LastExposure => Mode switch
    {
        SimulatedCameraMode.Normal => s_litExposure,
        SimulatedCameraMode.Covered => s_darkExposure,
        _ => null,
    };

    public CameraFrame Capture(FrameSize size)
    {
        Captures++;
        return Mode switch
        {
            SimulatedCameraMode.Failing => throw new CameraException("simulated device error"),
            SimulatedCameraMode.Corrupt => new CameraFrame(size.Width, size.Height, FramePixelFormat.Rgb24, new byte[size.Width * 7]),
            SimulatedCameraMode.Oversized => new CameraFrame(40_000, 40_000, FramePixelFormat.Rgb24, new byte[16]),
            SimulatedCameraMode.Covered => Covered(size),
            _ => Render(size, time.GetUtcNow()),
        };
    }

    public void Dispose()
    {
    }

    /// <summary>The scene at <paramref name="at"/>: same instant, same bytes.</summary>
    public CameraFrame Render(FrameSize size, DateTimeOffset at)
    {
        var (w, h) = (size.Width, size.Height);
        var rgb = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                Set(rgb, w, x, y, (byte)(40 + (x * 120 / w)), (byte)(60 + (y * 100 / h)), 90);
            }
        }

        var side = h / 4;
        var travel = (at.ToUnixTimeMilliseconds() % 10_000) / 10_000.0;
        FillRect(rgb, w, h, (int)(travel * (w - side)), (h - side) / 2, side, side, (230, 180, 40));
        var text = string.Create(CultureInfo.InvariantCulture, $"{label} {at.UtcDateTime:HH:mm:ss.f}");
        DrawText(rgb, w, h, text, 4, 4);
        return new CameraFrame(w, h, FramePixelFormat.Rgb24, rgb);
    }

    private static CameraFrame Covered(FrameSize size)
    {
        var rgb = new byte[size.Width * size.Height * 3];
        Array.Fill(rgb, (byte)4);
        return new CameraFrame(size.Width, size.Height, FramePixelFormat.Rgb24, rgb);
    }

    private static void DrawText(byte[] rgb, int w, int h, string text, int left, int top)
    {
        FillRect(rgb, w, h, left - 2, top - 2, (text.Length * (TinyFont.Width + 1) * Scale) + 4, (TinyFont.Height * Scale) + 4, (0, 0, 0));
        for (var i = 0; i < text.Length; i++)
        {
            for (var gy = 0; gy < TinyFont.Height; gy++)
            {
                for (var gx = 0; gx < TinyFont.Width; gx++)
                {
                    if (TinyFont.IsSet(text[i], gx, gy))
                    {
                        FillRect(rgb, w, h, left + (((i * (TinyFont.Width + 1)) + gx) * Scale), top + (gy * Scale), Scale, Scale, (255, 255, 255));
                    }
                }
            }
        }
    }

    private static void FillRect(byte[] rgb, int w, int h, int x0, int y0, int width, int height, (byte R, byte G, byte B) c)
    {
        for (var y = Math.Max(0, y0); y < Math.Min(h, y0 + height); y++)
        {
            for (var x = Math.Max(0, x0); x < Math.Min(w, x0 + width); x++)
            {
                Set(rgb, w, x, y, c.R, c.G, c.B);
            }
        }
    }

    private static void Set(byte[] rgb, int w, int x, int y, byte r, byte g, byte b)
    {
        var i = ((y * w) + x) * 3;
        rgb[i] = r;
        rgb[i + 1] = g;
        rgb[i + 2] = b;
    }
}
