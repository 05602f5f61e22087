using System.Device.Gpio;
using System.Device.I2c;
using Iot.Device.Mcp23xxx;
using PanelAgent.Hardware.Simulation;

namespace PanelAgent.Hardware.Tests.Simulation;

/// <summary>The simulated chip checked against the real Iot.Device.Bindings binding and the datasheet.</summary>
public sealed class SimulatedMcp23017Tests : IDisposable
{
    private const int IntA = 4;
    private readonly SimulatedMcp23017 _chip = new(new I2cConnectionSettings(1, 0x20));
    private readonly SimulatedGpioDriver _socDriver = new();
    private readonly GpioController _soc;
    private readonly Mcp23017 _binding;
    private readonly GpioController _expander;

    public SimulatedMcp23017Tests()
    {
        _soc = new GpioController(_socDriver);
        _soc.OpenPin(IntA, PinMode.Input);
        _chip.ConnectInterrupts(_socDriver, IntA);
        _binding = new Mcp23017(_chip);
        _expander = new GpioController(_binding);
    }

    public void Dispose()
    {
        _expander.Dispose();
        _soc.Dispose();
        _chip.Dispose();
    }

    [Fact]
    public void Binding_InputWithPullUp_SetsGppuAndReadsTheLine()
    {
        _expander.OpenPin(11, PinMode.InputPullUp);

        _chip.SetInputLevel(11, PinValue.High);

        Assert.Equal(0x08, _chip.PeekRegister(0x0D)); // GPPUB bit 3
        Assert.Equal(PinValue.High, _expander.Read(11));
        _chip.SetInputLevel(11, PinValue.Low);
        Assert.Equal(PinValue.Low, _expander.Read(11));
    }

    [Fact]
    public void Binding_Output_WritesTheLatchAndReadsItBack()
    {
        _expander.OpenPin(10, PinMode.Output);

        _expander.Write(10, PinValue.High);

        Assert.Equal(0x04, _chip.PeekRegister(0x15)); // OLATB bit 2
        Assert.Equal(0xFB, _chip.PeekRegister(0x01)); // IODIRB: only line 10 an output
        Assert.Equal(0x04, _binding.ReadByte(Register.GPIO, Port.PortB));
    }

    [Fact]
    public void InterruptOnChange_InputChanges_IntLowUntilGpioRead()
    {
        _binding.EnableInterruptOnChange(2, PinEventTypes.Rising | PinEventTypes.Falling);
        _binding.ReadByte(Register.GPIO, Port.PortA);

        _chip.SetInputLevel(2, PinValue.High);

        Assert.Equal(PinValue.Low, _soc.Read(IntA));
        Assert.Equal(0x04, _binding.ReadByte(Register.INTF, Port.PortA));
        Assert.Equal(PinValue.Low, _soc.Read(IntA)); // reading INTF does not clear
        _binding.ReadByte(Register.GPIO, Port.PortA);
        Assert.Equal(PinValue.High, _soc.Read(IntA));
        Assert.Equal(0x00, _binding.ReadByte(Register.INTF, Port.PortA));
    }

    [Fact]
    public void Intcap_SecondChangeWhilePending_KeepsTheFirstCapture()
    {
        _binding.EnableInterruptOnChange(2, PinEventTypes.Rising | PinEventTypes.Falling);
        _binding.ReadByte(Register.GPIO, Port.PortA);

        _chip.SetInputLevel(2, PinValue.High);
        _chip.SetInputLevel(2, PinValue.Low);

        Assert.Equal(0x04, _binding.ReadByte(Register.INTCAP, Port.PortA));
        Assert.Equal(0x00, _binding.ReadByte(Register.GPIO, Port.PortA));
    }

    [Fact]
    public void Interrupt_PortBWithoutMirror_DoesNotDriveIntA()
    {
        _binding.EnableInterruptOnChange(12, PinEventTypes.Rising | PinEventTypes.Falling);

        _chip.SetInputLevel(12, PinValue.High);

        Assert.Equal(PinValue.High, _soc.Read(IntA));
        Assert.Equal(0x10, _chip.PeekRegister(0x0F)); // INTFB
    }

    [Fact]
    public void Interrupt_PortBWithMirror_DrivesIntA()
    {
        _binding.EnableInterruptOnChange(12, PinEventTypes.Rising | PinEventTypes.Falling);
        _binding.WriteByte(Register.IOCON, 0x40, Port.PortA);

        _chip.SetInputLevel(12, PinValue.High);

        Assert.Equal(PinValue.Low, _soc.Read(IntA));
    }

    [Fact]
    public void BindingCallbacks_LineRises_HandlerCalledThroughSimulatedInt()
    {
        // The binding's own interrupt path (INTA on a SoC controller) exercises INTF, DEFVAL/INTCON and INT together.
        using var binding = new Mcp23017(_chip, interruptA: IntA, controller: _soc, shouldDispose: false);
        using var expander = new GpioController(binding);
        var seen = new List<PinValueChangedEventArgs>();
        expander.OpenPin(0, PinMode.Input);
        expander.RegisterCallbackForPinValueChangedEvent(0, PinEventTypes.Rising, (_, e) => seen.Add(e));

        _chip.SetInputLevel(0, PinValue.High);

        PinValueChangedEventArgs args = Assert.Single(seen);
        Assert.Equal((0, PinEventTypes.Rising), (args.PinNumber, args.ChangeType));
    }

    [Fact]
    public void AddressPointer_ByteMode_TogglesWithinThePair()
    {
        _chip.WriteRead([0x0A, 0x20], []); // IOCON.SEQOP = 1
        _chip.WriteRead([0x0C, 0x11, 0x22, 0x33], []); // GPPUA, GPPUB, GPPUA again

        Assert.Equal((0x33, 0x22), (_chip.PeekRegister(0x0C), _chip.PeekRegister(0x0D)));
    }

    [Fact]
    public void Iocon_WrittenAtEitherAddress_IsOneRegister()
    {
        _chip.WriteRead([0x0B, 0x44], []);

        Assert.Equal((0x44, 0x44), (_chip.PeekRegister(0x0A), _chip.PeekRegister(0x0B)));
    }

    [Fact]
    public void WriteRead_BusFault_ThrowsIOException()
    {
        _chip.SetBusFault(true);

        Assert.Throws<IOException>(() => _binding.ReadByte(Register.GPIO, Port.PortA));
    }
}
