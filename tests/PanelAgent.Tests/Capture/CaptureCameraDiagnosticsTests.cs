using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using PanelAgent.Capture;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Core.Zones;
using PanelAgent.Hardware.Camera;
using PanelAgent.Hardware.Simulation.Camera;
using PanelAgent.Runtime;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Capture;

/// <summary>
/// Issue 5 camera-test on sim-villa's real capture runtime with the synthetic cameras: the frame is measured, never
/// stored, every frame taken is access-logged, and no frame is taken under the P11 restriction or during an alarm.
/// </summary>
public sealed class CaptureCameraDiagnosticsTests : IDisposable
{
    private readonly SimulatedPanel _panel = new();
    private readonly Dictionary<string, SimulatedCamera> _cameras = new(StringComparer.Ordinal);
    private readonly IAccessLog _access = Substitute.For<IAccessLog>();
    private readonly IPrivacySettings _privacy = Substitute.For<IPrivacySettings>();
    private readonly RuntimeHolder _holder = new();
    private readonly CaptureRuntime _capture;

    public CaptureCameraDiagnosticsTests()
    {
        _holder.Runtime = _panel.Start();
        var parts = new CaptureParts(d => _cameras[d.Id] = new SimulatedCamera(d.Id, d.Zone ?? d.Id, _panel.Time),
            new JpegFrameEncoder(), _access, _privacy, _panel.Time, NullLoggerFactory.Instance);
        _capture = CaptureRuntime.TryStart(_panel.Config, _holder.Runtime, parts)!;
        _holder.Capture = _capture;
    }

    [Fact]
    public async Task Test_LitRoom_MeasuresEachCameraStoresNothingAndLogsEveryFrame()
    {
        var results = await Diagnostics().TestAsync(CancellationToken.None);

        Assert.Equal(["hall-cam", "kitchen-cam"], results.Select(r => r.Camera));
        Assert.All(results, r =>
        {
            Assert.Equal((640, 480), (r.Width, r.Height));
            Assert.Equal(8.33, r.Exposure!.Value.TotalMilliseconds, 2);
            Assert.InRange(r.MeanBrightness!.Value, 40, 200);
            Assert.False(r.LensCovered);
            Assert.Null(r.Problem);
        });
        Assert.Equal(0, _capture.Images.Count);
        _access.Received(1).Append(Arg.Is<AccessEntry>(e => e.Action == AccessActions.CameraTestFrame && e.Subject == "hall-cam"));
        _access.Received(1).Append(Arg.Is<AccessEntry>(e => e.Action == AccessActions.CameraTestFrame && e.Subject == "kitchen-cam"));
    }

    [Fact]
    public async Task Test_CoveredLens_IsReportedCovered()
    {
        _cameras["hall-cam"].Mode = SimulatedCameraMode.Covered;

        var hall = (await Diagnostics().TestAsync(CancellationToken.None))[0];

        Assert.True(hall.LensCovered);
        Assert.InRange(hall.MeanBrightness!.Value, 0, 16);
        Assert.Equal(33.33, hall.Exposure!.Value.TotalMilliseconds, 2);
    }

    [Theory]
    [InlineData(SimulatedCameraMode.Failing, "simulated device error")]
    [InlineData(SimulatedCameraMode.Corrupt, "corrupt frame: ")]
    [InlineData(SimulatedCameraMode.Oversized, "corrupt frame: size 40000x40000 outside the limits")]
    public async Task Test_BadCamera_SaysWhyWithoutAFrame(SimulatedCameraMode mode, string problem)
    {
        _cameras["kitchen-cam"].Mode = mode;

        var kitchen = (await Diagnostics().TestAsync(CancellationToken.None))[1];

        Assert.StartsWith(problem, kitchen.Problem, StringComparison.Ordinal);
        Assert.Null(kitchen.Width);
        Assert.Null(kitchen.MeanBrightness);
    }

    [Fact]
    public async Task Test_WhileRestricted_TakesNoFrame()
    {
        _privacy.CaptureRestricted.Returns(true);

        var results = await Diagnostics().TestAsync(CancellationToken.None);

        Assert.All(results, r => Assert.Contains("restricted (P11)", r.Problem, StringComparison.Ordinal));
        Assert.All(_cameras.Values, c => Assert.Equal(0, c.Captures));
        _access.DidNotReceive().Append(Arg.Is<AccessEntry>(e => e.Action == AccessActions.CameraTestFrame));
    }

    [Fact]
    public async Task Test_DuringAlarm_LeavesTheCameraToTheAlarm()
    {
        _panel.SetZone("bedroom-panic", ZoneCondition.Active); // a panic alarm, armed or not
        _panel.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(PanelAgent.Core.State.PanelPhase.Alarm, _holder.Runtime!.Panel.State.Phase);
        var before = _cameras.Values.Sum(c => c.Captures);

        var results = await Diagnostics().TestAsync(CancellationToken.None);

        Assert.All(results, r => Assert.Equal("the camera is kept for the alarm in progress", r.Problem));
        Assert.Equal(before, _cameras.Values.Sum(c => c.Captures));
    }

    [Fact]
    public async Task Test_CaptureNotRunning_SaysSoForEveryConfiguredCamera()
    {
        _holder.Capture = null;

        var results = await Diagnostics().TestAsync(CancellationToken.None);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.StartsWith("capture is not running", r.Problem, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _capture.Dispose();
        _panel.Dispose();
    }

    private CaptureCameraDiagnostics Diagnostics() => new(_holder, _panel.Config, _access, _privacy, _panel.Time);
}
