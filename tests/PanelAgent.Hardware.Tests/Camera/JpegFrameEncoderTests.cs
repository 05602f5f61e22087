using Microsoft.Extensions.Time.Testing;
using PanelAgent.Core.Capture;
using PanelAgent.Hardware.Camera;
using PanelAgent.Hardware.Simulation.Camera;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PanelAgent.Hardware.Tests.Camera;

public class JpegFrameEncoderTests
{
    private static readonly DateTimeOffset s_at = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly SimulatedCamera _camera = new("hall-cam", "hall-pir", new FakeTimeProvider(s_at));

    [Theory]
    [InlineData(320, 240)]
    [InlineData(640, 480)]
    [InlineData(1280, 720)]
    public void Encode_SimulatedScene_IsJpegOfThatSize(int width, int height)
    {
        var jpeg = new JpegFrameEncoder().Encode(_camera.Capture(new FrameSize(width, height)));
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
        using var decoded = Image.Load<Rgb24>(jpeg); // the test may decode: the bytes are our own
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Encode_Any_CarriesNoMetadataSegment()
    {
        var jpeg = new JpegFrameEncoder().Encode(_camera.Capture(FrameSize.Vga));
        var markers = Markers(jpeg);
        // APP1 (EXIF/XMP), APP2 (ICC), APP13 (IPTC) and COM (comments) must be absent; APP0 (JFIF) is structural.
        Assert.DoesNotContain(markers, m => m is 0xE1 or 0xE2 or 0xED or 0xFE);
        Assert.Contains((byte)0xDA, markers); // start of scan: the walk reached the image data
    }

    [Fact]
    public void Encode_Yuyv_ConvertsThenEncodes()
    {
        var rgb = _camera.Capture(FrameSize.Qvga);
        var yuyv = new CameraFrame(320, 240, FramePixelFormat.Yuyv, Yuyv.FromRgb24(rgb.Data, 320, 240));
        using var decoded = Image.Load<Rgb24>(new JpegFrameEncoder().Encode(yuyv));
        Assert.Equal(320, decoded.Width);
    }

    [Fact]
    public void Yuyv_RoundTrip_StaysClose()
    {
        var rgb = _camera.Capture(FrameSize.Qvga).Data;
        var back = Yuyv.ToRgb24(Yuyv.FromRgb24(rgb, 320, 240), 320, 240);
        var worst = rgb.Zip(back, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 60, $"worst channel error {worst}");
    }

    /// <summary>The segment markers before the entropy-coded data, walking the JPEG's length fields.</summary>
    private static List<byte> Markers(byte[] jpeg)
    {
        var markers = new List<byte>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                break;
            }

            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
        }

        return markers;
    }
}
