using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using PanelAgent.Hardware.Logging;
using PanelAgent.Hardware.Options;

namespace PanelAgent.Hardware.Drivers;

/// <summary>
/// Opens the SoC GPIO driver explicitly, never through <c>new GpioController()</c>, which silently picks one
/// (DEPENDENCY-NOTES). <c>auto</c> tries libgpiod v2 (Debian 13) then v1 (Debian 12), and sysfs last only when
/// <see cref="GpioOptions.AllowSysfs"/> is set; sysfs is always logged as a warning. The driver that runs is logged.
/// </summary>
public sealed class GpioDriverProbe
{
    private readonly ILogger _logger;
    private readonly IReadOnlyList<GpioDriverCandidate> _candidates;

    /// <summary>Creates a probe over the real drivers.</summary>
    public GpioDriverProbe(ILogger<GpioDriverProbe> logger)
        : this(logger, GpioDriverCandidate.All)
    {
    }

    /// <summary>Creates a probe over <paramref name="candidates"/>, looked up by name (tests inject constructor calls here).</summary>
    public GpioDriverProbe(ILogger logger, IReadOnlyList<GpioDriverCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(candidates);
        _logger = logger;
        _candidates = candidates;
    }

    /// <summary>Opens the driver <paramref name="options"/> asks for on its chip.</summary>
    /// <exception cref="GpioDriverUnavailableException">sysfs without AllowSysfs, or no candidate could be opened.</exception>
    public GpioDriver Open(GpioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Exception? last = null;
        foreach (GpioDriverCandidate candidate in Plan(options))
        {
            try
            {
                GpioDriver driver = candidate.Create(options.Chip);
                Opened(candidate, options.Chip);
                return driver;
            }
            catch (Exception ex)
            {
                string reason = Describe(ex);
                _logger.DriverUnavailable(candidate.Name, candidate.Library, options.Chip, reason);
                failures.Add($"{candidate.Name} ({candidate.Library}): {reason}");
                last = ex;
            }
        }

        string message = $"No GPIO driver could open gpiochip{options.Chip} (Hardware:Gpio:Driver is \"{options.Driver}\"). "
            + $"Tried: {string.Join("; ", failures)}. Install libgpiod3 (Debian 13) or libgpiod2 (Debian 12) "
            + $"and check that /dev/gpiochip{options.Chip} exists and the service may open it.";
        throw last is null ? new GpioDriverUnavailableException(message) : new GpioDriverUnavailableException(message, last);
    }

    /// <summary>The candidates <paramref name="options"/> allows, in the order they are tried.</summary>
    /// <exception cref="GpioDriverUnavailableException">sysfs is asked for without AllowSysfs.</exception>
    public IReadOnlyList<GpioDriverCandidate> Plan(GpioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string driver = options.Driver.ToLowerInvariant();
        switch (driver)
        {
            case GpioDriverNames.Auto:
                return options.AllowSysfs
                    ? [Find(GpioDriverNames.LibGpiodV2), Find(GpioDriverNames.LibGpiod), Find(GpioDriverNames.Sysfs)]
                    : [Find(GpioDriverNames.LibGpiodV2), Find(GpioDriverNames.LibGpiod)];
            case GpioDriverNames.Sysfs when !options.AllowSysfs:
                const string Reason = "Hardware:Gpio:Driver is \"sysfs\" but Hardware:Gpio:AllowSysfs is false; "
                    + "sysfs is deprecated and has no pull-ups, so it is refused unless explicitly allowed";
                _logger.DriverRefused(GpioDriverNames.Sysfs, Reason);
                throw new GpioDriverUnavailableException(Reason);
            case GpioDriverNames.LibGpiodV2 or GpioDriverNames.LibGpiod or GpioDriverNames.Sysfs:
                return [Find(driver)];
            default:
                throw new GpioDriverUnavailableException(
                    $"Hardware:Gpio:Driver: \"{options.Driver}\" is not one of {string.Join(", ", GpioDriverNames.All)}");
        }
    }

    private void Opened(GpioDriverCandidate candidate, int chip)
    {
        _logger.DriverOpened(candidate.Name, candidate.Library, chip);
        if (candidate.Name == GpioDriverNames.Sysfs)
        {
            _logger.SysfsInUse(chip);
        }
    }

    private GpioDriverCandidate Find(string name) =>
        _candidates.FirstOrDefault(c => c.Name == name)
        ?? throw new GpioDriverUnavailableException($"No GPIO driver candidate named \"{name}\" is known");

    private static string Describe(Exception ex)
    {
        // libgpiod wraps DllNotFoundException in GpiodException("Exception while calling libgpiod"): the inner one says why.
        string text = FirstLine(ex);
        return ex.InnerException is null ? text : $"{text} <- {FirstLine(ex.InnerException)}";
    }

    private static string FirstLine(Exception ex)
    {
        string message = ex.Message;
        int newline = message.IndexOfAny(['\r', '\n']);
        return $"{ex.GetType().Name}: {(newline < 0 ? message : message[..newline])}";
    }
}
