using Microsoft.Extensions.Time.Testing;
using PanelAgent.Core.Capture;
using PanelAgent.Hardware.Simulation.Camera;

namespace PanelAgent.Hardware.Tests.Camera;

public class SimulatedCameraTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Capture_SameInstant_SameBytes_LaterInstant_Moves()
    {
        var camera = new SimulatedCamera("hall-cam", "hall-pir", _time);
        var first = camera.Capture(FrameSize.Qvga).Data;
        Assert.Equal(first, camera.Capture(FrameSize.Qvga).Data);
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.NotEqual(first, camera.Capture(FrameSize.Qvga).Data);
    }

    [Fact]
    public void Capture_Normal_PassesLimitsAndIsNotCovered()
    {
        var frame = new SimulatedCamera("hall-cam", "hall-pir", _time).Capture(FrameSize.Vga);
        Assert.Null(FrameLimits.Check(frame, FrameSize.Vga));
        Assert.False(LensCheck.IsCovered(frame));
    }

    [Theory]
    [InlineData(SimulatedCameraMode.Corrupt)]
    [InlineData(SimulatedCameraMode.Oversized)]
    public void Capture_BrokenModes_FailTheLimits(SimulatedCameraMode mode)
    {
        var camera = new SimulatedCamera("hall-cam", "hall-pir", _time) { Mode = mode };
        Assert.NotNull(FrameLimits.Check(camera.Capture(FrameSize.Vga), FrameSize.Vga));
    }

    [Fact]
    public void Capture_Covered_IsDetectedAsCovered()
    {
        var camera = new SimulatedCamera("hall-cam", "hall-pir", _time) { Mode = SimulatedCameraMode.Covered };
        Assert.True(LensCheck.IsCovered(camera.Capture(FrameSize.Vga)));
    }

    [Fact]
    public void Capture_Failing_ThrowsCameraException() =>
        Assert.Throws<CameraException>(() =>
            new SimulatedCamera("hall-cam", "hall-pir", _time) { Mode = SimulatedCameraMode.Failing }.Capture(FrameSize.Vga));
}
