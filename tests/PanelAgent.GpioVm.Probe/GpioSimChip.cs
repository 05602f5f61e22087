using System.Globalization;

namespace PanelAgent.GpioVm.Probe;

/// <summary>
/// One gpio-sim chip made through configfs (Documentation/admin-guide/gpio/gpio-sim.rst, Linux 6.1): a device
/// directory with one bank of <c>num_lines</c> lines, switched on with <c>live</c>. Once live, the kernel names the
/// platform device (<c>dev_name</c>) and the chip (<c>chip_name</c>, i.e. <c>/dev/gpiochipN</c>), and each line gets a
/// sysfs group <c>sim_gpioK</c> whose <c>pull</c> plays the outside world and whose <c>value</c> shows what is driven.
/// </summary>
public sealed class GpioSimChip : IDisposable
{
    private readonly string _device;
    private readonly string _bank;
    private readonly string _lineRoot;
    private bool _disposed;

    private GpioSimChip(string device, string bank, string lineRoot, int chip, int lines)
    {
        _device = device;
        _bank = bank;
        _lineRoot = lineRoot;
        Chip = chip;
        Lines = lines;
    }

    /// <summary>The N of <c>/dev/gpiochipN</c>.</summary>
    public int Chip { get; }

    /// <summary>How many lines the bank has.</summary>
    public int Lines { get; }

    /// <summary>Creates and switches on a chip named <paramref name="name"/> with <paramref name="lines"/> lines.</summary>
    /// <param name="configRoot">The gpio-sim configfs directory, normally <c>/sys/kernel/config/gpio-sim</c>.</param>
    /// <param name="platformRoot">Where platform devices appear, normally <c>/sys/devices/platform</c>.</param>
    /// <param name="name">The device directory to create.</param>
    /// <param name="lines">Lines in the bank.</param>
    /// <exception cref="IOException">configfs refused a step; the message names the file.</exception>
    public static GpioSimChip Create(string configRoot, string platformRoot, string name, int lines)
    {
        string device = Path.Combine(configRoot, name);
        string bank = Path.Combine(device, "bank0");
        Directory.CreateDirectory(device);
        Directory.CreateDirectory(bank);
        Write(Path.Combine(bank, "num_lines"), lines.ToString(CultureInfo.InvariantCulture));
        Write(Path.Combine(bank, "label"), "panel-gpio-vm");
        Write(Path.Combine(device, "live"), "1");
        string deviceName = Read(Path.Combine(device, "dev_name"));
        string chipName = Read(Path.Combine(bank, "chip_name"));
        if (!chipName.StartsWith("gpiochip", StringComparison.Ordinal)
            || !int.TryParse(chipName.AsSpan("gpiochip".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int chip))
        {
            throw new IOException($"{Path.Combine(bank, "chip_name")}: \"{chipName}\" is not gpiochipN");
        }

        return new GpioSimChip(device, bank, Path.Combine(platformRoot, deviceName, chipName), chip, lines);
    }

    /// <summary>Sets what the outside world does to an input line: pulled up (high) or down (low).</summary>
    public void Pull(int line, bool up) => Write(LineFile(line, "pull"), up ? "pull-up" : "pull-down");

    /// <summary>The level the line has now, as the simulator sees it (driven by us for outputs, the pull for inputs).</summary>
    public bool Value(int line) => Read(LineFile(line, "value")) == "1";

    /// <summary>Switches the chip off and removes its configfs directories.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            Write(Path.Combine(_device, "live"), "0");
            Directory.Delete(_bank);
            Directory.Delete(_device);
        }
        catch (IOException)
        {
            // The VM powers off right after; a chip left behind there harms nothing.
        }
    }

    private string LineFile(int line, string attribute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, Lines);
        return Path.Combine(_lineRoot, $"sim_gpio{line.ToString(CultureInfo.InvariantCulture)}", attribute);
    }

    private static void Write(string path, string value)
    {
        try
        {
            File.WriteAllText(path, value);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path}: writing \"{value}\" failed: {ex.Message}", ex);
        }
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path}: reading failed: {ex.Message}", ex);
        }
    }
}
