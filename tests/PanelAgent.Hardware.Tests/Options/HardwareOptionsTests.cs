using Microsoft.Extensions.Options;
using PanelAgent.Hardware.Options;
using PanelAgent.Hardware.Tests.Support;

namespace PanelAgent.Hardware.Tests.Options;

public class HardwareOptionsTests
{
    [Fact]
    public void Bind_SampleJson_BindsEveryField()
    {
        HardwareOptions options = TestPanels.Sample();

        Assert.Equal("auto", options.Gpio.Driver);
        Assert.Equal(0, options.Gpio.Chip);
        Assert.False(options.Gpio.AllowSysfs);
        Assert.NotNull(options.Expander);
        Assert.Equal((1, 0x20, 4), (options.Expander.Bus, options.Expander.Address, options.Expander.InterruptLine));
        Assert.Equal(3, options.Inputs.Count);
        Assert.Equal(("front-door", 5, true, 6, true), (options.Inputs[0].Zone, options.Inputs[0].Line, options.Inputs[0].ActiveLow, options.Inputs[0].TamperLine, options.Inputs[0].TamperActiveLow));
        Assert.True(options.Inputs[1].OnExpander);
        Assert.Equal(1, options.Inputs[1].TamperLine);
        Assert.Null(options.Inputs[2].TamperLine);
        Assert.Equal((20, false), (options.Outputs.Siren!.Line, options.Outputs.Siren.ActiveLow));
        Assert.Equal((21, true), (options.Outputs.DoorLock!.Line, options.Outputs.DoorLock.ActiveLow));
        Assert.Equal(22, options.Outputs.SmartPlug!.Line);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RereadInterval);
        Assert.Equal(1024, options.QueueCapacity);
    }

    [Fact]
    public void Validate_SampleJson_NoErrors()
    {
        Assert.Empty(TestPanels.Sample().Validate());
    }

    [Theory]
    [InlineData("duplicate-soc-line", "Hardware:Inputs[3]:Line: line 5 is used twice (front-door, back-door)")]
    [InlineData("tamper-on-siren", "Hardware:Outputs:Siren:Line: line 20 is used twice (front-door tamper, Siren output)")]
    [InlineData("interrupt-on-input", "Hardware:Expander:InterruptLine: line 5 is used twice (front-door, expander interrupt)")]
    [InlineData("duplicate-expander-line", "Hardware:Inputs[1]:TamperLine: expander line 0 is used twice (water-leak, water-leak tamper)")]
    [InlineData("expander-line-16", "Hardware:Inputs[1]:Line: expander line 16 is outside 0-15")]
    [InlineData("negative-soc-line", "Hardware:Inputs[0]:TamperLine: line -1 is negative")]
    [InlineData("no-expander", "Hardware:Inputs[1]:OnExpander: is true but there is no Hardware:Expander section")]
    [InlineData("sysfs", "Hardware:Gpio:Driver: \"sysfs\" is refused unless Hardware:Gpio:AllowSysfs is true")]
    [InlineData("unknown-driver", "Hardware:Gpio:Driver: \"pigpio\" is not one of auto, libgpiod, libgpiod-v2, sysfs")]
    [InlineData("expander-address", "Hardware:Expander:Address: 64 is outside 32-39 (0x20-0x27)")]
    [InlineData("expander-kind", "Hardware:Expander:Kind: \"pcf8574\" is not supported (only mcp23017)")]
    [InlineData("duplicate-zone", "Hardware:Inputs[2]:Zone: zone \"front-door\" is already wired at Hardware:Inputs[0]")]
    [InlineData("empty-zone", "Hardware:Inputs[0]:Zone: is empty")]
    [InlineData("negative-reread", "Hardware:RereadInterval: must be positive (is -00:00:01)")]
    [InlineData("zero-poll", "Hardware:Expander:PollInterval: must be positive (is 00:00:00)")]
    [InlineData("zero-queue", "Hardware:QueueCapacity: must be positive (is 0)")]
    [InlineData("negative-output", "Hardware:Outputs:SmartPlug:Line: line -3 is negative")]
    public void Validate_BrokenField_MessageStartsWithFieldPath(string breakage, string expected)
    {
        HardwareOptions options = TestPanels.Sample();
        Break(options, breakage);

        IReadOnlyList<string> errors = options.Validate().ToList();

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SysfsAllowed_NoError()
    {
        HardwareOptions options = TestPanels.Sample();
        options.Gpio.Driver = "sysfs";
        options.Gpio.AllowSysfs = true;

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_LineUsedThreeTimes_ReportedOnceWithAllOwners()
    {
        HardwareOptions options = TestPanels.Sample();
        options.Inputs.Add(new ZoneInputOptions { Zone = "back-door", Line = 5 });
        options.Inputs.Add(new ZoneInputOptions { Zone = "garage", Line = 5 });

        string error = Assert.Single(options.Validate());

        Assert.Equal("Hardware:Inputs[3]:Line: line 5 is used 3 times (front-door, back-door, garage)", error);
    }

    [Fact]
    public void Validate_SameLineOnSocAndExpander_NoError()
    {
        HardwareOptions options = TestPanels.Sample();
        options.Inputs[0].Line = 0; // expander line 0 is water-leak: a different chip.

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validator_InvalidOptions_FailsWithEveryMessage()
    {
        HardwareOptions options = TestPanels.Sample();
        options.QueueCapacity = 0;
        options.RereadInterval = TimeSpan.Zero;

        ValidateOptionsResult result = new HardwareOptionsValidator().Validate(HardwareOptions.SectionName, options);

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
        Assert.All(result.Failures!, f => Assert.StartsWith("Hardware:", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_ValidOptions_Succeeds()
    {
        ValidateOptionsResult result = new HardwareOptionsValidator().Validate(HardwareOptions.SectionName, TestPanels.Sample());

        Assert.True(result.Succeeded);
    }

    private static void Break(HardwareOptions options, string breakage)
    {
        switch (breakage)
        {
            case "duplicate-soc-line": options.Inputs.Add(new ZoneInputOptions { Zone = "back-door", Line = 5 }); break;
            case "tamper-on-siren": options.Inputs[0].TamperLine = 20; break;
            case "interrupt-on-input": options.Expander!.InterruptLine = 5; break;
            case "duplicate-expander-line": options.Inputs[1].TamperLine = 0; break;
            case "expander-line-16": options.Inputs[1].Line = 16; break;
            case "negative-soc-line": options.Inputs[0].TamperLine = -1; break;
            case "no-expander": options.Expander = null; break;
            case "sysfs": options.Gpio.Driver = "sysfs"; break;
            case "unknown-driver": options.Gpio.Driver = "pigpio"; break;
            case "expander-address": options.Expander!.Address = 0x40; break;
            case "expander-kind": options.Expander!.Kind = "pcf8574"; break;
            case "duplicate-zone": options.Inputs[2].Zone = "front-door"; break;
            case "empty-zone": options.Inputs[0].Zone = " "; break;
            case "negative-reread": options.RereadInterval = TimeSpan.FromSeconds(-1); break;
            case "zero-poll": options.Expander!.PollInterval = TimeSpan.Zero; break;
            case "zero-queue": options.QueueCapacity = 0; break;
            case "negative-output": options.Outputs.SmartPlug!.Line = -3; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, "unknown breakage");
        }
    }
}
