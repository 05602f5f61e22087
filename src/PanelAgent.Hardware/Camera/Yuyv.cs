namespace PanelAgent.Hardware.Camera;

/// <summary>V4L2 YUYV (YUV 4:2:2) to RGB24, BT.601 limited range, in integer arithmetic.</summary>
public static class Yuyv
{
    public static byte[] ToRgb24(ReadOnlySpan<byte> yuyv, int width, int height)
    {
        var rgb = new byte[width * height * 3];
        var pairs = width * height / 2;
        for (var p = 0; p < pairs; p++)
        {
            int y0 = yuyv[p * 4], u = yuyv[(p * 4) + 1] - 128, y1 = yuyv[(p * 4) + 2], v = yuyv[(p * 4) + 3] - 128;
            Put(rgb, p * 6, y0, u, v);
            Put(rgb, (p * 6) + 3, y1, u, v);
        }

        return rgb;
    }

    /// <summary>RGB24 to YUYV, for the simulated camera and the benchmark (averaging each pixel pair's chroma).</summary>
    public static byte[] FromRgb24(ReadOnlySpan<byte> rgb, int width, int height)
    {
        var yuyv = new byte[width * height * 2];
        for (var p = 0; p < width * height / 2; p++)
        {
            var (y0, u0, v0) = ToYuv(rgb.Slice(p * 6, 3));
            var (y1, u1, v1) = ToYuv(rgb.Slice((p * 6) + 3, 3));
            yuyv[p * 4] = y0;
            yuyv[(p * 4) + 1] = (byte)((u0 + u1) / 2);
            yuyv[(p * 4) + 2] = y1;
            yuyv[(p * 4) + 3] = (byte)((v0 + v1) / 2);
        }

        return yuyv;
    }

    private static void Put(byte[] rgb, int at, int y, int u, int v)
    {
        var c = 298 * (y - 16);
        rgb[at] = Clamp((c + (409 * v) + 128) >> 8);
        rgb[at + 1] = Clamp((c - (100 * u) - (208 * v) + 128) >> 8);
        rgb[at + 2] = Clamp((c + (516 * u) + 128) >> 8);
    }

    private static (byte Y, int U, int V) ToYuv(ReadOnlySpan<byte> px)
    {
        int r = px[0], g = px[1], b = px[2];
        var y = ((66 * r) + (129 * g) + (25 * b) + 128 >> 8) + 16;
        var u = ((-38 * r) - (74 * g) + (112 * b) + 128 >> 8) + 128;
        var v = ((112 * r) - (94 * g) - (18 * b) + 128 >> 8) + 128;
        return (Clamp(y), u, v);
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
