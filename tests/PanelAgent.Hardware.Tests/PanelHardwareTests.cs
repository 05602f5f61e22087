using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PanelAgent.Hardware.Drivers;
using PanelAgent.Hardware.Inputs;
using PanelAgent.Hardware.Options;
using PanelAgent.Hardware.Simulation;
using PanelAgent.Hardware.Tests.Support;

namespace PanelAgent.Hardware.Tests;

public class PanelHardwareTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Create_SocAndExpanderInputs_OneDescriptionNamingBoth()
    {
        using var board = new SimulatedPanelHardware(TestPanels.Sample());
        using PanelHardware hardware = PanelHardware.Create(TestPanels.Sample(), board.Controller, board.ExpanderDevice, _time, NullLoggerFactory.Instance);

        Assert.IsType<CompositeZoneInputs>(hardware.Inputs);
        Assert.Equal("SimulatedGpioDriver on gpiochip0; MCP23017 at 0x20 on i2c-1, INT on line 4", hardware.Inputs.Description);
    }

    [Fact]
    public void Create_SocInputsOnly_NoExpanderNeeded()
    {
        HardwareOptions options = TestPanels.Sample();
        options.Inputs.RemoveAll(i => i.OnExpander);
        options.Expander = null;
        using var board = new SimulatedPanelHardware(options);

        using PanelHardware hardware = PanelHardware.Create(options, board.Controller, expander: null, _time, NullLoggerFactory.Instance);

        Assert.IsType<GpioZoneInputs>(hardware.Inputs);
    }

    [Fact]
    public void Create_ExpanderInputsWithoutI2cDevice_ThrowsNamingTheSection()
    {
        using var board = new SimulatedPanelHardware(TestPanels.Sample());

        var error = Assert.Throws<ArgumentException>(
            () => PanelHardware.Create(TestPanels.Sample(), board.Controller, expander: null, _time, NullLoggerFactory.Instance));

        Assert.StartsWith("Hardware:Expander:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsWithTheFieldPaths()
    {
        HardwareOptions options = TestPanels.Sample();
        options.Inputs[2].Line = 0;
        using var board = new SimulatedPanelHardware(TestPanels.Sample());

        var error = Assert.Throws<OptionsValidationException>(
            () => PanelHardware.Create(options, board.Controller, board.ExpanderDevice, _time, NullLoggerFactory.Instance));

        Assert.Contains("Hardware:Inputs[2]:Line: expander line 0 is used twice (water-leak, hall-pir)", error.Failures);
    }

    [Fact]
    public void Create_Outputs_ClaimedAndOffBeforeInputsOpen()
    {
        using var board = new SimulatedPanelHardware(TestPanels.Sample());

        using PanelHardware hardware = PanelHardware.Create(TestPanels.Sample(), board.Controller, board.ExpanderDevice, _time, NullLoggerFactory.Instance);

        Assert.True(board.Driver.IsOpen(20));
        Assert.Equal(PinMode.Output, board.Controller.GetPinMode(21));
        Assert.Equal(PinValue.High, board.Driver.GetOutputLevel(21)); // door lock is active-low: off is high
        Assert.False(board.Driver.IsOpen(5));
    }

    [Fact]
    public void Dispose_Borrowed_LeavesTheCallersControllerUsable()
    {
        using var board = new SimulatedPanelHardware(TestPanels.Sample());
        PanelHardware hardware = PanelHardware.Create(TestPanels.Sample(), board.Controller, board.ExpanderDevice, _time, NullLoggerFactory.Instance);
        hardware.Inputs.Open(new PostedEdges().Sink);

        hardware.Dispose();

        Assert.False(board.Driver.IsOpen(5));
        board.Controller.OpenPin(5, PinMode.Input);
        Assert.Equal(PinValue.High, board.Controller.Read(5));
    }

    [Fact]
    public void Open_NoGpioChip_ThrowsGpioDriverUnavailable()
    {
        HardwareOptions options = TestPanels.Sample();
        options.Gpio.Chip = 99;

        var error = Assert.Throws<GpioDriverUnavailableException>(() => PanelHardware.Open(options, _time, NullLoggerFactory.Instance));

        Assert.Contains("gpiochip99", error.Message, StringComparison.Ordinal);
    }
}
