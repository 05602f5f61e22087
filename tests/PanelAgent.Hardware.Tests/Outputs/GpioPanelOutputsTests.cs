using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.Ports;
using PanelAgent.Hardware.Options;
using PanelAgent.Hardware.Outputs;
using PanelAgent.Hardware.Simulation;

namespace PanelAgent.Hardware.Tests.Outputs;

public sealed class GpioPanelOutputsTests : IDisposable
{
    private readonly SimulatedGpioDriver _driver = new();
    private readonly GpioController _controller;

    public GpioPanelOutputsTests()
    {
        _controller = new GpioController(_driver);
    }

    public void Dispose() => _controller.Dispose();

    [Fact]
    public void Constructor_EveryOutput_StartsOffAtItsOwnPolarity()
    {
        using GpioPanelOutputs outputs = Create(new OutputsOptions
        {
            Siren = new OutputLineOptions { Line = 20 },
            DoorLock = new OutputLineOptions { Line = 21, ActiveLow = true },
        });

        Assert.Equal(PinValue.Low, _driver.GetOutputLevel(20));
        Assert.Equal(PinValue.High, _driver.GetOutputLevel(21));
        Assert.Equal(PinMode.Output, _controller.GetPinMode(21));
    }

    [Theory]
    [InlineData(false, true, 1)]
    [InlineData(false, false, 0)]
    [InlineData(true, true, 0)]
    [InlineData(true, false, 1)]
    public void TrySet_Output_DrivesTheLevelForItsPolarity(bool activeLow, bool on, int expectedLevel)
    {
        using GpioPanelOutputs outputs = Create(new OutputsOptions { SmartPlug = new OutputLineOptions { Line = 22, ActiveLow = activeLow } });
        outputs.TrySet(OutputKind.SmartPlug, !on);

        bool done = outputs.TrySet(OutputKind.SmartPlug, on);

        Assert.True(done);
        Assert.Equal(expectedLevel == 1 ? PinValue.High : PinValue.Low, _driver.GetOutputLevel(22));
    }

    [Fact]
    public void TrySet_FaultedLine_ReturnsFalseWithoutThrowing()
    {
        using GpioPanelOutputs outputs = Create(new OutputsOptions { Siren = new OutputLineOptions { Line = 20 } });
        _driver.SetFault(20, faulted: true);

        Assert.False(outputs.TrySet(OutputKind.Siren, on: true));
    }

    [Fact]
    public void TrySet_OutputNotFitted_ReturnsFalse()
    {
        using GpioPanelOutputs outputs = Create(new OutputsOptions { Siren = new OutputLineOptions { Line = 20 } });

        Assert.False(outputs.TrySet(OutputKind.DoorLock, on: true));
    }

    [Fact]
    public void Constructor_LineThatCannotBeOpened_DoesNotThrowAndTrySetFails()
    {
        using GpioPanelOutputs outputs = Create(new OutputsOptions
        {
            Siren = new OutputLineOptions { Line = 200 },
            SmartPlug = new OutputLineOptions { Line = 22 },
        });

        Assert.False(outputs.TrySet(OutputKind.Siren, on: true));
        Assert.True(outputs.TrySet(OutputKind.SmartPlug, on: true));
    }

    [Fact]
    public void TrySet_AfterDispose_ReturnsFalseAndReleasedTheLines()
    {
        GpioPanelOutputs outputs = Create(new OutputsOptions { Siren = new OutputLineOptions { Line = 20 } });

        outputs.Dispose();

        Assert.False(outputs.TrySet(OutputKind.Siren, on: true));
        Assert.False(_driver.IsOpen(20));
    }

    private GpioPanelOutputs Create(OutputsOptions options) => new(_controller, options, NullLogger<GpioPanelOutputs>.Instance);
}
