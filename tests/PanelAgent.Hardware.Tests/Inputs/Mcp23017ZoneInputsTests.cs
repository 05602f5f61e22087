using System.Device.Gpio;
using System.Device.I2c;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using PanelAgent.Core.Inputs;
using PanelAgent.Core.Ports;
using PanelAgent.Hardware.Inputs;
using PanelAgent.Hardware.Options;
using PanelAgent.Hardware.Simulation;
using PanelAgent.Hardware.Tests.Support;

namespace PanelAgent.Hardware.Tests.Inputs;

/// <summary>The real Iot.Device.Bindings Mcp23017 binding on the simulated chip, its INT wired to a simulated SoC line.</summary>
public sealed class Mcp23017ZoneInputsTests : IDisposable
{
    private const int IntLine = 4;
    private const int Water = 0;
    private const int WaterTamper = 1;
    private const int Hall = 9;

    private readonly SimulatedGpioDriver _socDriver = new();
    private readonly GpioController _soc;
    private readonly SimulatedMcp23017 _chip = new(new I2cConnectionSettings(1, 0x20));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly PostedEdges _posted = new();
    private readonly List<Mcp23017ZoneInputs> _created = [];

    public Mcp23017ZoneInputsTests()
    {
        _soc = new GpioController(_socDriver);

        // Power-on levels: every line inactive (active-low lines high).
        _chip.SetInputLevel(Water, PinValue.Low);
        _chip.SetInputLevel(WaterTamper, PinValue.High);
        _chip.SetInputLevel(Hall, PinValue.High);
    }

    public void Dispose()
    {
        _created.ForEach(i => i.Dispose());
        _soc.Dispose();
        _chip.Dispose();
    }

    [Fact]
    public void Open_SetsChipUpForInterruptOnChangeOnEveryLine()
    {
        Create(interrupt: true).Open(_posted.Sink);

        Assert.Equal(0x40, _chip.PeekRegister(0x0A)); // IOCON: MIRROR, active-low push-pull INT
        Assert.Equal((0x03, 0x02), (_chip.PeekRegister(0x04), _chip.PeekRegister(0x05))); // GPINTEN A/B
        Assert.Equal((0x00, 0x00), (_chip.PeekRegister(0x08), _chip.PeekRegister(0x09))); // INTCON: against previous
        Assert.Equal((0x02, 0x02), (_chip.PeekRegister(0x0C), _chip.PeekRegister(0x0D))); // GPPU on active-low lines
        Assert.Equal(PinValue.High, _soc.Read(IntLine));
    }

    [Fact]
    public async Task Open_PortALineChanges_EdgeReachesSinkThroughInterruptLine()
    {
        Create(interrupt: true).Open(_posted.Sink);
        _time.Advance(TimeSpan.FromSeconds(3));

        _chip.SetInputLevel(Water, PinValue.High);

        InputEdge edge = Assert.Single(await _posted.WaitForAsync(1));
        Assert.Equal(new InputEdge("water-leak", InputLine.Detector, Active: true, _time.GetTimestamp()), edge);
        Assert.Equal(PinValue.High, _soc.Read(IntLine)); // serviced: reading INTCAP/GPIO released INT
    }

    [Fact]
    public async Task Open_PortBLineChanges_EdgeArrivesThroughMirroredInterrupt()
    {
        Create(interrupt: true).Open(_posted.Sink);

        _chip.SetInputLevel(Hall, PinValue.Low);

        InputEdge edge = Assert.Single(await _posted.WaitForAsync(1));
        Assert.Equal(("hall-pir", InputLine.Detector, true), (edge.ZoneId, edge.Line, edge.Active));
    }

    [Fact]
    public async Task Open_SeveralChanges_EveryEdgeArrivesInOrder()
    {
        Create(interrupt: true).Open(_posted.Sink);

        _chip.SetInputLevel(WaterTamper, PinValue.Low);
        await _posted.WaitForAsync(1);
        _chip.SetInputLevel(WaterTamper, PinValue.High);

        IReadOnlyList<InputEdge> edges = await _posted.WaitForAsync(2);
        Assert.Equal([(InputLine.Tamper, true), (InputLine.Tamper, false)], edges.Select(e => (e.Line, e.Active)));
    }

    [Fact]
    public async Task Polled_PulseShorterThanThePollInterval_BothEdgesRecoveredFromIntcap()
    {
        Create(interrupt: false).Open(_posted.Sink);

        // Up and down again between two polls: only INTF/INTCAP remember it.
        _chip.SetInputLevel(Water, PinValue.High);
        _chip.SetInputLevel(Water, PinValue.Low);
        _time.Advance(TimeSpan.FromMilliseconds(50));

        IReadOnlyList<InputEdge> edges = await _posted.WaitForAsync(2);
        Assert.Equal([true, false], edges.Select(e => e.Active));
        Assert.All(edges, e => Assert.Equal("water-leak", e.ZoneId));
    }

    [Fact]
    public void ReadAll_Levels_CorrectedForActiveLow()
    {
        Mcp23017ZoneInputs inputs = Create(interrupt: false);
        inputs.Open(_posted.Sink);
        _chip.SetInputLevel(Hall, PinValue.Low);

        IReadOnlyList<InputSample> samples = inputs.ReadAll();

        Assert.Equal(
            [
                new InputSample("water-leak", InputLine.Detector, Active: false, Faulted: false),
                new InputSample("water-leak", InputLine.Tamper, Active: false, Faulted: false),
                new InputSample("hall-pir", InputLine.Detector, Active: true, Faulted: false),
            ],
            samples);
    }

    [Fact]
    public void ReadAll_InterruptEdgeLost_PostsTheChangeItself()
    {
        // The INT output is not wired to the SoC here, as if its edge had been lost: the re-read must catch it.
        Mcp23017ZoneInputs inputs = Create(interrupt: true, wireInterrupt: false);
        inputs.Open(_posted.Sink);
        _chip.SetInputLevel(Water, PinValue.High);

        inputs.ReadAll();

        InputEdge edge = Assert.Single(_posted.All);
        Assert.Equal(("water-leak", true), (edge.ZoneId, edge.Active));
        Assert.Equal(0, _chip.PeekRegister(0x0E)); // INTF cleared: INT cannot stay stuck low
    }

    [Fact]
    public void ReadAll_BusFault_EveryExpanderLineFaultedThenRecovers()
    {
        Mcp23017ZoneInputs inputs = Create(interrupt: true);
        inputs.Open(_posted.Sink);

        _chip.SetBusFault(true);
        IReadOnlyList<InputSample> faulted = inputs.ReadAll();
        _chip.SetBusFault(false);
        IReadOnlyList<InputSample> recovered = inputs.ReadAll();

        Assert.All(faulted, s => Assert.True(s.Faulted));
        Assert.All(recovered, s => Assert.False(s.Faulted));
    }

    [Fact]
    public async Task Open_ExpanderMissingAtBoot_FaultedUntilItAnswersThenEdgesFlow()
    {
        _chip.SetBusFault(true);
        Mcp23017ZoneInputs inputs = Create(interrupt: true);

        inputs.Open(_posted.Sink);
        IReadOnlyList<InputSample> atBoot = inputs.ReadAll();
        _chip.SetBusFault(false);
        inputs.ReadAll();
        _chip.SetInputLevel(Water, PinValue.High);

        Assert.All(atBoot, s => Assert.True(s.Faulted));
        InputEdge edge = Assert.Single(await _posted.WaitForAsync(1));
        Assert.Equal(("water-leak", true), (edge.ZoneId, edge.Active));
    }

    [Fact]
    public void ReadAll_ChipLostItsConfiguration_SetsItUpAgain()
    {
        Mcp23017ZoneInputs inputs = Create(interrupt: true);
        inputs.Open(_posted.Sink);

        _chip.WriteRead([0x04, 0x00, 0x00], []); // GPINTEN back to its reset value, as after a brown-out
        inputs.ReadAll();

        Assert.Equal((0x03, 0x02), (_chip.PeekRegister(0x04), _chip.PeekRegister(0x05)));
    }

    [Fact]
    public async Task Post_SinkThrows_ReaderSurvivesAndLaterEdgesArrive()
    {
        var later = new TaskCompletionSource<InputEdge>(TaskCreationOptions.RunContinuationsAsynchronously);
        IInputSink sink = Substitute.For<IInputSink>();
        int calls = 0;
        sink.When(s => s.Post(Arg.Any<InputEdge>())).Do(call =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("queue broken");
            }

            later.TrySetResult(call.Arg<InputEdge>());
        });
        Mcp23017ZoneInputs inputs = Create(interrupt: false);
        inputs.Open(sink);

        _chip.SetInputLevel(Water, PinValue.High);
        inputs.ReadAll();
        _chip.SetInputLevel(Hall, PinValue.Low);
        inputs.ReadAll();

        InputEdge edge = await later.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("hall-pir", edge.ZoneId);
        Assert.Equal(1, inputs.CallbackFaults);
    }

    [Fact]
    public void Dispose_AfterOpen_ReleasesTheInterruptLine()
    {
        Mcp23017ZoneInputs inputs = Create(interrupt: true);
        inputs.Open(_posted.Sink);

        inputs.Dispose();

        Assert.False(_socDriver.IsOpen(IntLine));
        Assert.All(inputs.ReadAll(), s => Assert.True(s.Faulted));
    }

    [Fact]
    public void Description_NamesAddressBusAndWiring()
    {
        Assert.Equal("MCP23017 at 0x20 on i2c-1, INT on line 4", Create(interrupt: true).Description);
        Assert.Equal("MCP23017 at 0x20 on i2c-1, polled every 50 ms", Create(interrupt: false).Description);
    }

    private Mcp23017ZoneInputs Create(bool interrupt, bool wireInterrupt = true)
    {
        if (interrupt && wireInterrupt)
        {
            _chip.ConnectInterrupts(_socDriver, IntLine);
        }

        var options = new ExpanderOptions { Bus = 1, Address = 0x20, InterruptLine = interrupt ? IntLine : null };
        ZoneLine[] lines =
        [
            new("water-leak", InputLine.Detector, Water, ActiveLow: false),
            new("water-leak", InputLine.Tamper, WaterTamper, ActiveLow: true),
            new("hall-pir", InputLine.Detector, Hall, ActiveLow: true),
        ];
        var inputs = new Mcp23017ZoneInputs(_chip, _soc, options, lines, _time, NullLogger<Mcp23017ZoneInputs>.Instance);
        _created.Add(inputs);
        return inputs;
    }
}
