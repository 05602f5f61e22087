using System.Device.Gpio;
using PanelAgent.Hardware.Simulation;

namespace PanelAgent.Hardware.Tests.Simulation;

public sealed class SimulatedGpioDriverTests : IDisposable
{
    private readonly SimulatedGpioDriver _driver = new(pinCount: 32);
    private readonly GpioController _controller;
    private readonly List<PinValueChangedEventArgs> _events = [];

    public SimulatedGpioDriverTests()
    {
        _controller = new GpioController(_driver);
    }

    public void Dispose() => _controller.Dispose();

    [Fact]
    public void SetInputLevel_MatchingEdgeType_FiresCallbackSynchronously()
    {
        _controller.OpenPin(3, PinMode.Input);
        _controller.RegisterCallbackForPinValueChangedEvent(3, PinEventTypes.Rising, (_, e) => _events.Add(e));

        _driver.SetInputLevel(3, PinValue.High);
        _driver.SetInputLevel(3, PinValue.Low);

        PinValueChangedEventArgs args = Assert.Single(_events);
        Assert.Equal((3, PinEventTypes.Rising), (args.PinNumber, args.ChangeType));
    }

    [Fact]
    public void SetInputLevel_SameLevelAgain_NoCallback()
    {
        _controller.OpenPin(3, PinMode.Input);
        _controller.RegisterCallbackForPinValueChangedEvent(3, PinEventTypes.Rising | PinEventTypes.Falling, (_, e) => _events.Add(e));

        _driver.SetInputLevel(3, PinValue.Low);

        Assert.Empty(_events);
    }

    [Fact]
    public void SetInputLevel_BeforeOpen_IsTheLevelReadAfterOpen()
    {
        _driver.SetInputLevel(7, PinValue.High);

        _controller.OpenPin(7, PinMode.InputPullUp);

        Assert.Equal(PinValue.High, _controller.Read(7));
    }

    [Fact]
    public void SetFault_FaultedLine_ReadThrowsIOExceptionAndEdgesSuppressed()
    {
        _controller.OpenPin(3, PinMode.Input);
        _controller.RegisterCallbackForPinValueChangedEvent(3, PinEventTypes.Rising, (_, e) => _events.Add(e));

        _driver.SetFault(3, faulted: true);
        _driver.SetInputLevel(3, PinValue.High);

        Assert.Throws<IOException>(() => _controller.Read(3));
        Assert.Empty(_events);
        _driver.SetFault(3, faulted: false);
        Assert.Equal(PinValue.High, _controller.Read(3));
    }

    [Fact]
    public void Write_OutputLine_LevelReadableFromTheTestSide()
    {
        _controller.OpenPin(9, PinMode.Output, PinValue.High);

        _controller.Write(9, PinValue.Low);

        Assert.Equal(PinValue.Low, _driver.GetOutputLevel(9));
        Assert.Equal(PinValue.Low, _controller.Read(9));
    }

    [Fact]
    public void UnregisterCallback_AfterwardsEdges_NotDelivered()
    {
        PinChangeEventHandler handler = (_, e) => _events.Add(e);
        _controller.OpenPin(3, PinMode.Input);
        _controller.RegisterCallbackForPinValueChangedEvent(3, PinEventTypes.Rising, handler);

        _controller.UnregisterCallbackForPinValueChangedEvent(3, handler);
        _driver.SetInputLevel(3, PinValue.High);

        Assert.Empty(_events);
    }

    [Theory]
    [InlineData(PinMode.Input)]
    [InlineData(PinMode.InputPullUp)]
    [InlineData(PinMode.InputPullDown)]
    [InlineData(PinMode.Output)]
    public void IsPinModeSupported_AnyMode_True(PinMode mode)
    {
        Assert.True(_controller.IsPinModeSupported(0, mode));
    }

    [Fact]
    public void WaitForEvent_Cancelled_ReportsTimedOut()
    {
        _controller.OpenPin(3, PinMode.Input);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        WaitForEventResult result = _controller.WaitForEvent(3, PinEventTypes.Rising, cancelled.Token);

        Assert.True(result.TimedOut);
    }

    [Fact]
    public void OpenPin_BeyondPinCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _controller.OpenPin(32));
    }
}
