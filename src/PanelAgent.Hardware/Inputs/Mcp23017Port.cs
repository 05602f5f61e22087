using System.Device.Gpio;
using System.Device.I2c;
using Iot.Device.Mcp23xxx;

namespace PanelAgent.Hardware.Inputs;

/// <summary>
/// The register work on an MCP23017 (datasheet DS20001952) through the Iot.Device.Bindings <see cref="Mcp23017"/>
/// binding: set the input lines up for interrupt-on-change, and read INTF, INTCAP and GPIO. Not thread-safe: the
/// owner serialises calls. Every method may throw <see cref="IOException"/> when the chip does not answer.
/// </summary>
internal sealed class Mcp23017Port : IDisposable
{
    // IOCON (§3.5.6, Register 3-6): MIRROR=1 so INTA also signals port B (one INT wire); BANK=0 and SEQOP=0 keep the
    // A/B register pairs adjacent and auto-incrementing, which the binding's 16-bit reads rely on; ODR=0, INTPOL=0:
    // push-pull, active-low INT, hence the falling edge the owner listens for.
    private const byte IoconMirror = 0x40;

    private readonly I2cDevice _device;
    private readonly IReadOnlyList<ZoneLine> _lines;
    private Mcp23017? _mcp;
    private GpioController? _controller;

    public Mcp23017Port(I2cDevice device, IReadOnlyList<ZoneLine> lines)
    {
        _device = device;
        _lines = lines;
        Mask = (ushort)lines.Aggregate(0, (mask, line) => mask | (1 << line.Pin));
    }

    /// <summary>The bits of the configured lines, as written to GPINTEN.</summary>
    public ushort Mask { get; }

    /// <summary>Sets every line up as an interrupt-on-change input and returns the port's levels (GPIO).</summary>
    public ushort Configure()
    {
        // The binding's constructor already talks to the chip (IODIR all inputs, IPOL 0): create it only once it answers.
        _mcp ??= new Mcp23017(_device);
        _controller ??= new GpioController(_mcp);
        _mcp.WriteByte(Register.IOCON, IoconMirror, Port.PortA);
        _mcp.WriteUInt16(Register.IPOL, 0);
        foreach (ZoneLine line in _lines)
        {
            // Through the binding's GpioDriver: IODIR bit set, and GPPU (§3.5.7) on active-low lines, whose contact
            // pulls to ground against the chip's 100 kΩ pull-up.
            _controller.OpenPin(line.Pin);
            _controller.SetPinMode(line.Pin, line.ActiveLow ? PinMode.InputPullUp : PinMode.Input);
        }

        // INTCON=0 (§3.5.5): compare with the previous value, i.e. interrupt on both edges; DEFVAL is then unused.
        _mcp.WriteUInt16(Register.INTCON, 0);
        _mcp.WriteUInt16(Register.GPINTEN, Mask);

        // Reading GPIO clears any interrupt left pending from before (§3.6.4) and gives the baseline.
        return _mcp.ReadUInt16(Register.GPIO);
    }

    /// <summary>GPINTEN as the chip has it now; differs from <see cref="Mask"/> after a power glitch reset the chip.</summary>
    public ushort ReadInterruptEnable() => Chip.ReadUInt16(Register.GPINTEN);

    /// <summary>Which lines raised the interrupt, the port as latched then, and the port now; clears the interrupt.</summary>
    public Mcp23017Scan Scan()
    {
        // INTF first: reading INTCAP or GPIO clears the interrupt condition and with it INTF (§3.6.4).
        ushort flagged = Chip.ReadUInt16(Register.INTF);
        ushort captured = Chip.ReadUInt16(Register.INTCAP);
        ushort now = Chip.ReadUInt16(Register.GPIO);
        return new Mcp23017Scan(flagged, captured, now);
    }

    public void Dispose()
    {
        // Disposing the controller closes the binding's pins and disposes the binding; the binding does not own the
        // I2C device when it has no reset or interrupt pins, so the device stays with whoever created it.
        _controller?.Dispose();
        _controller = null;
        _mcp = null;
    }

    private Mcp23017 Chip => _mcp ?? throw new InvalidOperationException("The MCP23017 is not configured yet");
}
