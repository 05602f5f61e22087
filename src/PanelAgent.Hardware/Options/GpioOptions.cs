namespace PanelAgent.Hardware.Options;

/// <summary>The SoC GPIO chip and which kernel interface drives it.</summary>
public sealed class GpioOptions
{
    /// <summary>One of <see cref="GpioDriverNames"/>: auto, libgpiod, libgpiod-v2, sysfs.</summary>
    public string Driver { get; set; } = GpioDriverNames.Auto;

    /// <summary>The gpiochip number (<c>/dev/gpiochipN</c>).</summary>
    public int Chip { get; set; }

    /// <summary>
    /// Allows the deprecated sysfs interface, explicitly or as a last resort of <c>auto</c>.
    /// Off by default: sysfs has no pull-ups and numbers lines globally, so a panel must not drift onto it unnoticed.
    /// </summary>
    public bool AllowSysfs { get; set; }
}
