using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using PanelAgent.Capture;
using PanelAgent.Core.Capture;
using PanelAgent.Core.Ports;
using PanelAgent.Hardware.Camera;

namespace PanelAgent.Tests.Capture;

public sealed class EncoderWarmUpTests
{
    [Fact]
    public void Run_EncodesOneBlankFrameAndNothingElse()
    {
        var encoder = Substitute.For<IFrameEncoder>();

        EncoderWarmUp.Run(encoder, NullLogger.Instance);

        encoder.Received(1).Encode(Arg.Is<CameraFrame>(f => f.Width == 64 && f.Height == 48 && f.Data.All(b => b == 0)));
    }

    [Fact]
    public void Run_EncoderFails_NothingEscapes()
    {
        var encoder = Substitute.For<IFrameEncoder>();
        encoder.Encode(Arg.Any<CameraFrame>()).Throws(new CameraException("frame could not be encoded"));

        EncoderWarmUp.Run(encoder, NullLogger.Instance);
    }

    [Fact]
    public void Run_RealEncoder_TheBlankFrameIsAValidJpeg()
    {
        // The warm-up's frame goes through the same limits and codec as a camera's.
        var jpeg = new JpegFrameEncoder().Encode(EncoderWarmUp.BlankFrame());

        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
    }
}
