namespace PanelAgent.Hardware.Options;

/// <summary>The accepted values of <see cref="GpioOptions.Driver"/>.</summary>
public static class GpioDriverNames
{
    /// <summary>libgpiod v2 (Debian 13), then libgpiod v1 (Debian 12); sysfs last, only when allowed.</summary>
    public const string Auto = "auto";

    /// <summary>libgpiod v1 ABI, <c>libgpiod.so.2</c>.</summary>
    public const string LibGpiod = "libgpiod";

    /// <summary>libgpiod v2 ABI, <c>libgpiod.so.3</c>.</summary>
    public const string LibGpiodV2 = "libgpiod-v2";

    /// <summary>The deprecated <c>/sys/class/gpio</c> interface.</summary>
    public const string Sysfs = "sysfs";

    /// <summary>Every accepted value.</summary>
    public static IReadOnlyList<string> All { get; } = [Auto, LibGpiod, LibGpiodV2, Sysfs];
}
