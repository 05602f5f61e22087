using PanelAgent.Core.Capture;

namespace PanelAgent.Core.Tests.Capture;

public class LensCheckTests
{
    [Theory]
    [InlineData(3, 0, true)]    // hand over the lens
    [InlineData(252, 0, true)]  // torch into the lens
    [InlineData(3, 60, false)]  // dark room, but edges
    [InlineData(128, 0, false)] // a flat grey wall is not a covered lens
    [InlineData(128, 60, false)]
    public void IsCovered_Rgb_ByMeanAndSpread(byte level, int stripes, bool expected) =>
        Assert.Equal(expected, LensCheck.IsCovered(Frame(level, stripes, FramePixelFormat.Rgb24)));

    [Fact]
    public void IsCovered_Yuyv_ReadsLuma() =>
        Assert.True(LensCheck.IsCovered(Frame(2, 0, FramePixelFormat.Yuyv)));

    [Theory]
    [InlineData(640, 480, 640 * 480 * 3, null)]
    [InlineData(640, 480, 100, "bytes")]
    [InlineData(320, 240, 320 * 240 * 3, "asked for")]
    [InlineData(4000, 4000, 3, "outside")]
    [InlineData(-1, 480, 3, "outside")]
    public void Check_Frame_NamesTheProblem(int width, int height, int bytes, string? problem)
    {
        var result = FrameLimits.Check(new CameraFrame(width, height, FramePixelFormat.Rgb24, new byte[bytes]), FrameSize.Vga);
        if (problem is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(problem, result, StringComparison.Ordinal);
        }
    }

    private static CameraFrame Frame(byte level, int stripes, FramePixelFormat format)
    {
        var bpp = CameraFrame.BytesPerPixel(format);
        var data = new byte[64 * 48 * bpp];
        for (var i = 0; i < data.Length; i++)
        {
            var x = i / bpp % 64;
            data[i] = (byte)(stripes > 0 && x / 8 % 2 == 1 ? Math.Min(255, level + stripes) : level);
        }

        return new CameraFrame(64, 48, format, data);
    }
}
