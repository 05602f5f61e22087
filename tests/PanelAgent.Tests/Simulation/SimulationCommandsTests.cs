using Microsoft.Extensions.Time.Testing;
using PanelAgent.Simulation;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Simulation;

public sealed class SimulationCommandsTests : IDisposable
{
    private readonly SimulatedPanel _panel = new();
    private readonly SimulatedClock _clock = new(new FakeTimeProvider(SimulatedPanel.VirtualStart));
    private readonly SimulationCommands _commands;

    public SimulationCommandsTests() => _commands = new SimulationCommands(_panel.Board, _clock);

    [Theory]
    [InlineData("fly away")]
    [InlineData("set mains sideways")]
    [InlineData("set no-such-zone active")]
    [InlineData("pulse mains 0 1")]
    [InlineData("pulse mains ten 1")]
    [InlineData("clock rate -1")]
    [InlineData("clock jump soon")]
    public async Task RunAsync_BadCommand_AnswersError(string line)
    {
        Assert.StartsWith("error ", await _commands.RunAsync(line, CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PulseThreeChanges_EndsActiveAndEachChangeReachesTheDriver()
    {
        var line = _panel.Config.Hardware.Inputs.Single(i => i.Zone == "mains");
        var edges = 0;
        _panel.Board.Board.Driver.EventsEnabled = true;
        using var controller = new System.Device.Gpio.GpioController(_panel.Board.Board.Driver);
        controller.OpenPin(line.Line, System.Device.Gpio.PinMode.Input);
        controller.RegisterCallbackForPinValueChangedEvent(line.Line,
            System.Device.Gpio.PinEventTypes.Rising | System.Device.Gpio.PinEventTypes.Falling, (_, _) => Interlocked.Increment(ref edges));

        var reply = await _commands.RunAsync("pulse mains 3 1", CancellationToken.None);

        Assert.StartsWith("ok 3 changes", reply, StringComparison.Ordinal);
        Assert.Equal(3, edges);
    }

    [Fact]
    public async Task RunAsync_GpioEventsOff_LevelsChangeWithoutCallbacks()
    {
        var driver = _panel.Board.Board.Driver;
        var line = _panel.Config.Hardware.Inputs.Single(i => i.Zone == "mains").Line;
        var edges = 0;
        using var controller = new System.Device.Gpio.GpioController(driver);
        controller.OpenPin(line, System.Device.Gpio.PinMode.Input);
        var before = controller.Read(line);
        controller.RegisterCallbackForPinValueChangedEvent(line,
            System.Device.Gpio.PinEventTypes.Rising | System.Device.Gpio.PinEventTypes.Falling, (_, _) => Interlocked.Increment(ref edges));

        Assert.Equal("ok", await _commands.RunAsync("gpio events off", CancellationToken.None));
        await _commands.RunAsync("set mains active", CancellationToken.None);

        Assert.Equal(0, edges);
        Assert.NotEqual(before, controller.Read(line));
        Assert.False(driver.EventsEnabled);
    }

    [Fact]
    public async Task RunAsync_ClockJump_ReportsTheOffset()
    {
        Assert.Equal("ok offset -3600.000", await _commands.RunAsync("clock jump -3600", CancellationToken.None));
        Assert.Equal(TimeSpan.FromHours(-1), _clock.Offset);
    }

    public void Dispose() => _panel.Dispose();
}
