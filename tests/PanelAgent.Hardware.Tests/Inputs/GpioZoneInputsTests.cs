using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using PanelAgent.Core.Inputs;
using PanelAgent.Core.Ports;
using PanelAgent.Hardware.Inputs;
using PanelAgent.Hardware.Simulation;
using PanelAgent.Hardware.Tests.Support;

namespace PanelAgent.Hardware.Tests.Inputs;

public sealed class GpioZoneInputsTests : IDisposable
{
    private const int Door = 5;
    private const int DoorTamper = 6;
    private const int Water = 7;

    private readonly SimulatedGpioDriver _driver = new();
    private readonly GpioController _controller;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly PostedEdges _posted = new();
    private readonly GpioZoneInputs _inputs;

    public GpioZoneInputsTests()
    {
        _controller = new GpioController(_driver);

        // Power-on levels: every line inactive (active-low lines high).
        _driver.SetInputLevel(Door, PinValue.High);
        _driver.SetInputLevel(DoorTamper, PinValue.High);
        _driver.SetInputLevel(Water, PinValue.Low);
        _inputs = Create(
            new ZoneLine("front-door", InputLine.Detector, Door, ActiveLow: true),
            new ZoneLine("front-door", InputLine.Tamper, DoorTamper, ActiveLow: true),
            new ZoneLine("water-leak", InputLine.Detector, Water, ActiveLow: false));
    }

    public void Dispose()
    {
        _inputs.Dispose();
        _controller.Dispose();
    }

    [Fact]
    public void Open_ActiveLowLineFalls_PostsActiveEdgeStampedWhenSeen()
    {
        _inputs.Open(_posted.Sink);
        _time.Advance(TimeSpan.FromMilliseconds(1234));

        _driver.SetInputLevel(Door, PinValue.Low);

        InputEdge edge = Assert.Single(_posted.All);
        Assert.Equal(new InputEdge("front-door", InputLine.Detector, Active: true, _time.GetTimestamp()), edge);
    }

    [Fact]
    public void Open_ActiveLowLineRisesAgain_PostsInactiveEdge()
    {
        _inputs.Open(_posted.Sink);

        _driver.SetInputLevel(Door, PinValue.Low);
        _driver.SetInputLevel(Door, PinValue.High);

        Assert.Equal([true, false], _posted.All.Select(e => e.Active));
    }

    [Fact]
    public void Open_ActiveHighLineRises_PostsActiveEdge()
    {
        _inputs.Open(_posted.Sink);

        _driver.SetInputLevel(Water, PinValue.High);

        InputEdge edge = Assert.Single(_posted.All);
        Assert.Equal(("water-leak", InputLine.Detector, true), (edge.ZoneId, edge.Line, edge.Active));
    }

    [Fact]
    public void Open_TamperLineOpens_PostsTamperEdge()
    {
        _inputs.Open(_posted.Sink);

        _driver.SetInputLevel(DoorTamper, PinValue.Low);

        InputEdge edge = Assert.Single(_posted.All);
        Assert.Equal(("front-door", InputLine.Tamper, true), (edge.ZoneId, edge.Line, edge.Active));
    }

    [Fact]
    public void Open_ActiveLowLines_ClaimedWithPullUpAndOthersPlain()
    {
        _inputs.Open(_posted.Sink);

        Assert.Equal(PinMode.InputPullUp, _controller.GetPinMode(Door));
        Assert.Equal(PinMode.Input, _controller.GetPinMode(Water));
    }

    [Fact]
    public void Open_Twice_Throws()
    {
        _inputs.Open(_posted.Sink);

        Assert.Throws<InvalidOperationException>(() => _inputs.Open(_posted.Sink));
    }

    [Fact]
    public void Callback_SinkThrows_DoesNotPropagateAndLaterEdgesArrive()
    {
        var received = new List<InputEdge>();
        IInputSink sink = Substitute.For<IInputSink>();
        int calls = 0;
        sink.When(s => s.Post(Arg.Any<InputEdge>())).Do(call =>
        {
            if (++calls == 1)
            {
                throw new InvalidOperationException("queue broken");
            }

            received.Add(call.Arg<InputEdge>());
        });
        _inputs.Open(sink);

        Exception? thrown = Record.Exception(() => _driver.SetInputLevel(Door, PinValue.Low));
        _driver.SetInputLevel(Water, PinValue.High);

        Assert.Null(thrown);
        Assert.Equal(1, _inputs.CallbackFaults);
        InputEdge later = Assert.Single(received);
        Assert.Equal("water-leak", later.ZoneId);
    }

    [Fact]
    public void ReadAll_Levels_CorrectedForActiveLow()
    {
        _inputs.Open(_posted.Sink);
        _driver.SetInputLevel(Door, PinValue.Low);
        _driver.SetInputLevel(Water, PinValue.High);

        IReadOnlyList<InputSample> samples = _inputs.ReadAll();

        Assert.Equal(
            [
                new InputSample("front-door", InputLine.Detector, Active: true, Faulted: false),
                new InputSample("front-door", InputLine.Tamper, Active: false, Faulted: false),
                new InputSample("water-leak", InputLine.Detector, Active: true, Faulted: false),
            ],
            samples);
    }

    [Fact]
    public void ReadAll_FaultedLine_ThatLineFaultedOthersRead()
    {
        _inputs.Open(_posted.Sink);
        _driver.SetFault(Door, faulted: true);

        IReadOnlyList<InputSample> samples = _inputs.ReadAll();

        Assert.True(samples[0].Faulted);
        Assert.False(samples[1].Faulted);
        Assert.False(samples[2].Faulted);
    }

    [Fact]
    public void ReadAll_BeforeOpen_EveryLineFaultedAndNothingThrown()
    {
        Assert.All(_inputs.ReadAll(), s => Assert.True(s.Faulted));
    }

    [Fact]
    public void Open_LineThatCannotBeOpened_OtherLinesStillWork()
    {
        // Line 200 does not exist on the 64-line chip: opening it fails inside Open.
        using GpioZoneInputs inputs = Create(
            new ZoneLine("ghost", InputLine.Detector, 200, ActiveLow: false),
            new ZoneLine("water-leak", InputLine.Detector, Water, ActiveLow: false));

        inputs.Open(_posted.Sink);
        _driver.SetInputLevel(Water, PinValue.High);

        Assert.Single(_posted.All);
        Assert.Equal([true, false], inputs.ReadAll().Select(s => s.Faulted));
    }

    [Fact]
    public void Dispose_AfterOpen_ReleasesLinesAndPostsNoMore()
    {
        _inputs.Open(_posted.Sink);

        _inputs.Dispose();
        _driver.SetInputLevel(Door, PinValue.Low);

        Assert.Empty(_posted.All);
        Assert.False(_driver.IsOpen(Door));
    }

    [Fact]
    public void Description_NamesDriverTypeAndChip()
    {
        Assert.Equal("SimulatedGpioDriver on gpiochip0", _inputs.Description);
    }

    private GpioZoneInputs Create(params ZoneLine[] lines) =>
        new(_controller, lines, chip: 0, _time, NullLogger<GpioZoneInputs>.Instance);
}
