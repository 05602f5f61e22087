using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using PanelAgent.Hardware.Options;

namespace PanelAgent.Hardware.Drivers;

/// <summary>One way to open the SoC GPIO chip: a name from <see cref="GpioDriverNames"/>, what it needs, and the constructor call.</summary>
/// <param name="Name">The <see cref="GpioOptions.Driver"/> value that selects it.</param>
/// <param name="Library">The native library or kernel interface it needs, for the log and the error message.</param>
/// <param name="Create">Opens the driver on a chip number; throws when it cannot.</param>
public sealed record GpioDriverCandidate(string Name, string Library, Func<int, GpioDriver> Create)
{
    /// <summary>libgpiod v2 ABI (Debian 13's libgpiod3).</summary>
    public static GpioDriverCandidate LibGpiodV2 { get; } =
        new(GpioDriverNames.LibGpiodV2, "libgpiod.so.3", chip => new LibGpiodV2Driver(chip));

    /// <summary>libgpiod v1 ABI (Debian 12's libgpiod2 1.6).</summary>
    public static GpioDriverCandidate LibGpiod { get; } =
        new(GpioDriverNames.LibGpiod, "libgpiod.so.2", chip => new LibGpiodDriver(chip));

    /// <summary>
    /// The deprecated sysfs interface. It numbers lines globally (chip base + offset), so the chip number is not used:
    /// one more reason it is refused unless allowed.
    /// </summary>
    public static GpioDriverCandidate Sysfs { get; } =
        new(GpioDriverNames.Sysfs, "/sys/class/gpio", _ => new SysFsDriver());

    /// <summary>The real drivers, in the order <c>auto</c> tries them.</summary>
    public static IReadOnlyList<GpioDriverCandidate> All { get; } = [LibGpiodV2, LibGpiod, Sysfs];
}
