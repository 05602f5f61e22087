using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Hardware.Drivers;
using PanelAgent.Hardware.Options;
using PanelAgent.Hardware.Simulation;
using PanelAgent.Hardware.Tests.Support;

namespace PanelAgent.Hardware.Tests.Drivers;

public class GpioDriverProbeTests
{
    private readonly List<string> _tried = [];
    private readonly RecordingLogger _logger = new();
    private readonly HashSet<string> _working = [];

    [Fact]
    public void Open_AutoWithV2Present_OpensV2AndTriesNothingElse()
    {
        _working.Add("libgpiod-v2");

        using GpioDriver driver = Probe().Open(new GpioOptions { Driver = "auto" });

        Assert.Equal(["libgpiod-v2"], _tried);
        Assert.Contains(_logger.Entries, e => e.EventId == 2000 && e.Message.Contains("libgpiod-v2 (libgpiod.so.3)", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_AutoWithoutV2_FallsBackToV1()
    {
        _working.Add("libgpiod");

        using GpioDriver driver = Probe().Open(new GpioOptions { Driver = "auto", Chip = 2 });

        Assert.Equal(["libgpiod-v2", "libgpiod"], _tried);
        Assert.Contains(_logger.Entries, e => e.EventId == 2001 && e.Message.Contains("libgpiod.so.3", StringComparison.Ordinal));
        Assert.Contains(_logger.Entries, e => e.EventId == 2000 && e.Message == "GPIO driver libgpiod (libgpiod.so.2) opened on gpiochip2");
    }

    [Fact]
    public void Open_AutoWithNoLibgpiod_ThrowsNamingEveryLibraryTriedAndNeverTriesSysfs()
    {
        _working.Add("sysfs");

        var error = Assert.Throws<GpioDriverUnavailableException>(() => Probe().Open(new GpioOptions { Driver = "auto" }));

        Assert.Equal(["libgpiod-v2", "libgpiod"], _tried);
        Assert.Contains("libgpiod-v2 (libgpiod.so.3): DllNotFoundException: libgpiod-v2 missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("libgpiod (libgpiod.so.2): DllNotFoundException: libgpiod missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("gpiochip0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AutoWithSysfsAllowed_TriesSysfsLastAndWarns()
    {
        _working.Add("sysfs");

        using GpioDriver driver = Probe().Open(new GpioOptions { Driver = "auto", AllowSysfs = true });

        Assert.Equal(["libgpiod-v2", "libgpiod", "sysfs"], _tried);
        Assert.Contains(_logger.Entries, e => e.EventId == 2002 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public void Open_SysfsWithoutAllowSysfs_RefusedWithoutTrying()
    {
        _working.Add("sysfs");

        var error = Assert.Throws<GpioDriverUnavailableException>(() => Probe().Open(new GpioOptions { Driver = "sysfs" }));

        Assert.Empty(_tried);
        Assert.Contains("AllowSysfs is false", error.Message, StringComparison.Ordinal);
        Assert.Contains(_logger.Entries, e => e.EventId == 2003 && e.Level == LogLevel.Error);
    }

    [Fact]
    public void Open_SysfsAllowed_OpensItAndWarns()
    {
        _working.Add("sysfs");

        using GpioDriver driver = Probe().Open(new GpioOptions { Driver = "sysfs", AllowSysfs = true });

        Assert.Equal(["sysfs"], _tried);
        Assert.Contains(_logger.Entries, e => e.EventId == 2002 && e.Level == LogLevel.Warning);
    }

    [Theory]
    [InlineData("libgpiod")]
    [InlineData("libgpiod-v2")]
    [InlineData("LIBGPIOD-V2")]
    public void Open_ExplicitDriver_TriesOnlyThatOne(string name)
    {
        Assert.Throws<GpioDriverUnavailableException>(() => Probe().Open(new GpioOptions { Driver = name }));

        Assert.Equal([name.ToLowerInvariant()], _tried);
    }

    [Fact]
    public void Open_UnknownDriver_ThrowsNamingTheField()
    {
        var error = Assert.Throws<GpioDriverUnavailableException>(() => Probe().Open(new GpioOptions { Driver = "pigpio" }));

        Assert.StartsWith("Hardware:Gpio:Driver: \"pigpio\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RealDriversOnAMissingChip_ThrowsSayingWhichLibrariesWereTried()
    {
        // The real constructors: this machine has no libgpiod and no gpiochip99, and no machine has gpiochip99.
        var probe = new GpioDriverProbe(NullLogger<GpioDriverProbe>.Instance);

        var error = Assert.Throws<GpioDriverUnavailableException>(() => probe.Open(new GpioOptions { Driver = "auto", Chip = 99 }));

        Assert.Contains("No GPIO driver could open gpiochip99", error.Message, StringComparison.Ordinal);
        Assert.Contains("libgpiod-v2 (libgpiod.so.3): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("libgpiod (libgpiod.so.2): ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sysfs", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    private GpioDriverProbe Probe() => new(_logger,
    [
        Candidate("libgpiod-v2", "libgpiod.so.3"),
        Candidate("libgpiod", "libgpiod.so.2"),
        Candidate("sysfs", "/sys/class/gpio"),
    ]);

    private GpioDriverCandidate Candidate(string name, string library) => new(name, library, chip =>
    {
        _tried.Add(name);
        return _working.Contains(name) ? new SimulatedGpioDriver() : throw new DllNotFoundException($"{name} missing");
    });
}
