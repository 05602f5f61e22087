using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PanelAgent.Core.Inputs;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Zones;
using PanelAgent.Hardware.Options;
using PanelAgent.Hardware.Simulation;
using PanelAgent.Hardware.Tests.Support;

namespace PanelAgent.Hardware.Tests.Simulation;

public sealed class SimulatedPanelHardwareTests : IDisposable
{
    private readonly SimulatedPanelHardware _board = new(TestPanels.Sample());
    private readonly FakeTimeProvider _time = new();
    private readonly PostedEdges _posted = new();
    private readonly PanelHardware _hardware;

    public SimulatedPanelHardwareTests()
    {
        _hardware = _board.CreateHardware(_time, NullLoggerFactory.Instance);
    }

    public void Dispose()
    {
        _hardware.Dispose();
        _board.Dispose();
    }

    [Fact]
    public void Constructor_EveryZone_StartsNormalAtItsInactiveLevel()
    {
        _hardware.Inputs.Open(_posted.Sink);

        IReadOnlyList<InputSample> samples = _hardware.Inputs.ReadAll();

        Assert.Equal(5, samples.Count);
        Assert.All(samples, s => Assert.False(s.Active || s.Faulted));
        Assert.Equal(PinValue.High, _board.Controller.Read(5)); // front-door is active-low: quiet means high
        Assert.Empty(_posted.All);
    }

    [Fact]
    public void SetZone_ActiveOnSocZone_PostsActiveDetectorEdge()
    {
        _hardware.Inputs.Open(_posted.Sink);

        _board.SetZone("front-door", ZoneCondition.Active);

        InputEdge edge = Assert.Single(_posted.All);
        Assert.Equal(("front-door", InputLine.Detector, true), (edge.ZoneId, edge.Line, edge.Active));
    }

    [Fact]
    public async Task SetZone_ActiveOnExpanderZone_EdgeArrivesThroughTheExpander()
    {
        _hardware.Inputs.Open(_posted.Sink);

        _board.SetZone("water-leak", ZoneCondition.Active);

        InputEdge edge = Assert.Single(await _posted.WaitForAsync(1));
        Assert.Equal(("water-leak", InputLine.Detector, true), (edge.ZoneId, edge.Line, edge.Active));
    }

    [Fact]
    public void SetZone_TamperThenNormal_TamperEdgesBothWays()
    {
        _hardware.Inputs.Open(_posted.Sink);

        _board.SetZone("front-door", ZoneCondition.Tamper);
        _board.SetZone("front-door", ZoneCondition.Normal);

        Assert.Equal([(InputLine.Tamper, true), (InputLine.Tamper, false)], _posted.All.Select(e => (e.Line, e.Active)));
    }

    [Fact]
    public void SetZone_FaultOnExpanderZone_EveryExpanderLineFaultedUntilNormal()
    {
        _hardware.Inputs.Open(_posted.Sink);

        _board.SetZone("water-leak", ZoneCondition.Fault);
        IReadOnlyList<InputSample> faulted = _hardware.Inputs.ReadAll();
        _board.SetZone("water-leak", ZoneCondition.Normal);
        IReadOnlyList<InputSample> normal = _hardware.Inputs.ReadAll();

        Assert.Equal([false, false, true, true, true], faulted.Select(s => s.Faulted));
        Assert.All(normal, s => Assert.False(s.Faulted || s.Active));
    }

    [Fact]
    public void SetZone_FaultOnSocZone_OnlyItsLinesFaulted()
    {
        _hardware.Inputs.Open(_posted.Sink);

        _board.SetZone("front-door", ZoneCondition.Fault);

        Assert.Equal([true, true, false, false, false], _hardware.Inputs.ReadAll().Select(s => s.Faulted));
    }

    [Fact]
    public void SetZone_TamperOnZoneWithoutTamperLine_Throws()
    {
        Assert.Throws<ArgumentException>(() => _board.SetZone("hall-pir", ZoneCondition.Tamper));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingTheField()
    {
        HardwareOptions options = TestPanels.Sample();
        options.Inputs[1].Line = 16;

        var error = Assert.Throws<OptionsValidationException>(() => new SimulatedPanelHardware(options));

        Assert.Contains("Hardware:Inputs[1]:Line: expander line 16 is outside 0-15", error.Failures);
    }

    [Fact]
    public void IsOutputOn_BeforeTheAdaptersClaimTheLine_False()
    {
        using var board = new SimulatedPanelHardware(TestPanels.Sample());

        Assert.False(board.IsOutputOn(OutputKind.DoorLock)); // active-low, latch low, but nobody drives it yet
    }

    [Fact]
    public void SetZone_UnknownZone_Throws()
    {
        Assert.Throws<ArgumentException>(() => _board.SetZone("attic", ZoneCondition.Active));
    }

    [Theory]
    [InlineData(OutputKind.Siren)]
    [InlineData(OutputKind.DoorLock)]
    [InlineData(OutputKind.SmartPlug)]
    public void IsOutputOn_FollowsTrySetWhateverThePolarity(OutputKind output)
    {
        bool before = _board.IsOutputOn(output);
        _hardware.Outputs.TrySet(output, on: true);
        bool on = _board.IsOutputOn(output);
        _hardware.Outputs.TrySet(output, on: false);

        Assert.False(before);
        Assert.True(on);
        Assert.False(_board.IsOutputOn(output));
    }
}
