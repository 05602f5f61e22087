using System.Globalization;

namespace PanelAgent.GpioVm.Probe;

/// <summary>The probe's command line: <c>[--config-root DIR] [--platform-root DIR] [--debounce MS] [--long-debounce MS]</c>.</summary>
public sealed record ProbeArguments(string ConfigRoot, string PlatformRoot, ProbeTimings Timings)
{
    /// <summary>Parses <paramref name="args"/>; a bad one gives an error naming the argument.</summary>
    public static (ProbeArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string configRoot = "/sys/kernel/config/gpio-sim";
        string platformRoot = "/sys/devices/platform";
        ProbeTimings timings = ProbeTimings.Default;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Count)
            {
                return (null, $"{name}: a value is missing");
            }

            string value = args[++i];
            switch (name)
            {
                case "--config-root":
                    configRoot = value;
                    break;
                case "--platform-root":
                    platformRoot = value;
                    break;
                case "--debounce" or "--long-debounce":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int ms) || ms is < 1 or > 60_000)
                    {
                        return (null, $"{name}: \"{value}\" is not a whole number of milliseconds from 1 to 60000");
                    }

                    timings = name == "--debounce"
                        ? timings with { Debounce = TimeSpan.FromMilliseconds(ms) }
                        : timings with { LongDebounce = TimeSpan.FromMilliseconds(ms) };
                    break;
                default:
                    return (null, $"{name}: unknown argument (known: --config-root, --platform-root, --debounce, --long-debounce)");
            }
        }

        return (new ProbeArguments(configRoot, platformRoot, timings), null);
    }
}
