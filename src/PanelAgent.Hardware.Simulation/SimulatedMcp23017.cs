using System.Device.Gpio;
using System.Device.I2c;

namespace PanelAgent.Hardware.Simulation;

/// <summary>
/// An MCP23017 (datasheet DS20001952) on a simulated I2C bus, good enough for the real Iot.Device.Bindings
/// <c>Mcp23017</c> binding: the register map of Table 3-1 with BANK=0 addressing (A/B pairs adjacent), sequential and
/// byte-mode address pointer (§3.2.1), pull-up and polarity registers, interrupt-on-change with INTF/INTCAP latching
/// (§3.6), and the INTA/INTB outputs (MIRROR, ODR, INTPOL) driven onto lines of a <see cref="SimulatedGpioDriver"/>.
/// The registers live in the base class's <see cref="I2cSimulatedDeviceBase.RegisterMap"/>; reads of GPIO and INTCAP
/// have side effects, so the I2C traffic is decoded here rather than through register handlers. Thread-safe.
/// </summary>
public sealed class SimulatedMcp23017 : I2cSimulatedDeviceBase
{
    // Table 3-1, IOCON.BANK = 0: each register's port A address; port B is the next one.
    private const byte Iodir = 0x00;
    private const byte Ipol = 0x02;
    private const byte Gpinten = 0x04;
    private const byte Defval = 0x06;
    private const byte Intcon = 0x08;
    private const byte Iocon = 0x0A;
    private const byte Intf = 0x0E;
    private const byte Intcap = 0x10;
    private const byte Gpio = 0x12;
    private const byte Olat = 0x14;
    private const byte RegisterCount = 0x16;

    // IOCON bits (Register 3-6). Bit 0 is unimplemented and reads 0.
    private const byte Bank = 0x80;
    private const byte Mirror = 0x40;
    private const byte Seqop = 0x20;
    private const byte Odr = 0x04;
    private const byte Intpol = 0x02;

    private readonly Lock _gate = new();

    // Taken without _gate held, around driving the INT lines, so INT levels reach the GPIO driver in order.
    private readonly Lock _interruptGate = new();
    private ushort _pins;
    private bool _busFault;
    private SimulatedGpioDriver? _interruptDriver;
    private int _interruptA = -1;
    private int _interruptB = -1;

    /// <summary>Creates the chip in its power-on-reset state: every line an input (IODIR = 0xFF), everything else 0.</summary>
    public SimulatedMcp23017(I2cConnectionSettings settings)
        : base(settings)
    {
        for (byte address = 0; address < RegisterCount; address++)
        {
            RegisterMap[address] = new Register<byte>(address is Iodir or Iodir + 1 ? (byte)0xFF : (byte)0);
        }
    }

    /// <summary>Wires INTA (and INTB, if given) to lines of <paramref name="driver"/> and drives their current level.</summary>
    public void ConnectInterrupts(SimulatedGpioDriver driver, int interruptA, int interruptB = -1)
    {
        ArgumentNullException.ThrowIfNull(driver);
        lock (_gate)
        {
            (_interruptDriver, _interruptA, _interruptB) = (driver, interruptA, interruptB);
        }

        DriveInterrupts();
    }

    /// <summary>Drives line 0-15 from outside (GPA0-7 are 0-7, GPB0-7 are 8-15), raising interrupt-on-change as set up.</summary>
    public void SetInputLevel(int pin, PinValue level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pin);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pin, 15);
        lock (_gate)
        {
            ushort bit = (ushort)(1 << pin);
            ushort pins = level == PinValue.High ? (ushort)(_pins | bit) : (ushort)(_pins & ~bit);
            if (pins == _pins)
            {
                return;
            }

            _pins = pins;
            int port = pin / 8;
            byte portBit = (byte)(1 << (pin % 8));
            bool changeCounts = (Get(Intcon, port) & portBit) == 0 || (Get(Defval, port) & portBit) != (PortValue(port) & portBit);
            if ((Get(Iodir, port) & Get(Gpinten, port) & portBit) != 0 && changeCounts)
            {
                Latch(port, portBit);
            }
        }

        DriveInterrupts();
    }

    /// <summary>While set, every I2C transfer fails with <see cref="IOException"/>, as with a missing or dead chip.</summary>
    public void SetBusFault(bool faulted)
    {
        lock (_gate)
        {
            _busFault = faulted;
        }
    }

    /// <summary>A register by its BANK=0 address, without the side effects of an I2C read (for tests).</summary>
    public byte PeekRegister(byte address)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(address, RegisterCount);
        lock (_gate)
        {
            return address is Gpio or Gpio + 1 ? PortValue(address - Gpio) : Get(address, 0);
        }
    }

    /// <inheritdoc />
    public override void WriteRead(byte[] inputBuffer, byte[] outputBuffer)
    {
        ArgumentNullException.ThrowIfNull(inputBuffer);
        ArgumentNullException.ThrowIfNull(outputBuffer);
        lock (_gate)
        {
            if (_busFault)
            {
                throw new IOException($"Simulated I2C fault: no ACK from 0x{ConnectionSettings.DeviceAddress:X2}");
            }

            // §3.2: the first byte written is the register address; more bytes written go to the following registers,
            // and a read continues at the address pointer (which persists between transfers).
            if (inputBuffer.Length > 0)
            {
                CurrentRegister = inputBuffer[0];
                foreach (byte value in inputBuffer.Skip(1))
                {
                    WriteAt(CurrentRegister, value);
                    AdvancePointer();
                }
            }

            for (int i = 0; i < outputBuffer.Length; i++)
            {
                outputBuffer[i] = ReadAt(CurrentRegister);
                AdvancePointer();
            }
        }

        DriveInterrupts();
    }

    private byte ReadAt(byte address)
    {
        CheckAddress(address);
        int port = address & 1;
        byte value = address is Gpio or Gpio + 1 ? PortValue(port) : Get(address, 0);
        if (address is Gpio or Gpio + 1 or Intcap or Intcap + 1)
        {
            // §3.6.4: the interrupt is cleared when GPIO or INTCAP of its port is read.
            ClearInterrupt(port);
        }

        return value;
    }

    private void WriteAt(byte address, byte value)
    {
        CheckAddress(address);
        switch (address)
        {
            case Iocon or Iocon + 1:
                if ((value & Bank) != 0)
                {
                    throw new NotSupportedException("The simulated MCP23017 only implements IOCON.BANK = 0 addressing");
                }

                // One register at two addresses (Table 3-1).
                Set(Iocon, 0, (byte)(value & 0xFE));
                Set(Iocon, 1, (byte)(value & 0xFE));
                break;
            case Intf or Intf + 1 or Intcap or Intcap + 1:
                break; // Read-only (§3.5.8, §3.5.9).
            case Gpio or Gpio + 1:
                Set(Olat, address - Gpio, value); // §3.5.10: writing GPIO writes the output latch.
                break;
            default:
                Set(address, 0, value);
                break;
        }
    }

    private void AdvancePointer()
    {
        // §3.2.1: sequential mode (SEQOP=0) increments and wraps after the last register; byte mode with BANK=0
        // toggles between the A/B registers of a pair.
        bool byteMode = (Get(Iocon, 0) & Seqop) != 0;
        CurrentRegister = byteMode ? (byte)(CurrentRegister ^ 1) : (byte)((CurrentRegister + 1) % RegisterCount);
    }

    private void Latch(int port, byte portBit)
    {
        // §3.6: while an interrupt is pending on a port, INTF and INTCAP keep the first change.
        if (Get(Intf, port) == 0)
        {
            Set(Intf, port, portBit);
            Set(Intcap, port, PortValue(port));
        }
    }

    private void ClearInterrupt(int port)
    {
        Set(Intf, port, 0);

        // §3.6.2: a line compared with DEFVAL (INTCON set) keeps the interrupt asserted while it still differs.
        byte compare = (byte)(Get(Gpinten, port) & Get(Intcon, port) & Get(Iodir, port));
        byte differing = (byte)(compare & (PortValue(port) ^ Get(Defval, port)));
        if (differing != 0)
        {
            Latch(port, (byte)(differing & -differing));
        }
    }

    private void DriveInterrupts()
    {
        lock (_interruptGate)
        {
            // Each line's level is computed just before it is driven: a callback on the first one may clear the interrupt.
            DriveInterrupt(a: true);
            DriveInterrupt(a: false);
        }
    }

    private void DriveInterrupt(bool a)
    {
        SimulatedGpioDriver? driver;
        int line;
        PinValue level;
        lock (_gate)
        {
            (driver, line) = (_interruptDriver, a ? _interruptA : _interruptB);
            byte iocon = Get(Iocon, 0);
            bool pendingA = Get(Intf, 0) != 0;
            bool pendingB = Get(Intf, 1) != 0;
            bool active = (iocon & Mirror) != 0 ? pendingA || pendingB : a ? pendingA : pendingB;

            // §3.5.6: ODR makes INT open-drain (active low; released reads high through the pull-up), else INTPOL sets the active level.
            bool activeHigh = (iocon & Odr) == 0 && (iocon & Intpol) != 0;
            level = active == activeHigh ? PinValue.High : PinValue.Low;
        }

        if (driver is not null && line >= 0)
        {
            driver.SetInputLevel(line, level);
        }
    }

    // GPIO as read: input lines show the pin, inverted where IPOL is set (§3.5.2); output lines show the latch.
    private byte PortValue(int port)
    {
        byte inputs = Get(Iodir, port);
        byte pins = (byte)(_pins >> (8 * port));
        return (byte)(((pins ^ Get(Ipol, port)) & inputs) | (Get(Olat, port) & ~inputs));
    }

    private byte Get(byte register, int port) => (byte)RegisterMap[(byte)(register + port)].ReadRegister();

    private void Set(byte register, int port, byte value) => RegisterMap[(byte)(register + port)].WriteRegister(value);

    private static void CheckAddress(byte address)
    {
        if (address >= RegisterCount)
        {
            throw new IOException($"Simulated MCP23017 has no register 0x{address:X2}");
        }
    }
}
