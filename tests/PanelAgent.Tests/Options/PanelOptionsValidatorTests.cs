using PanelAgent.Options;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Options;

public sealed class PanelOptionsValidatorTests
{
    [Fact]
    public void Validate_SimVilla_NoErrors()
    {
        Assert.Empty(PanelOptionsValidator.Validate(SimVillaPanel()));
    }

    [Fact]
    public void Validate_EntryDelay46Seconds_RefusedCitingEn50131()
    {
        var options = SimVillaPanel();
        options.EntryDelay = TimeSpan.FromSeconds(46);

        var error = Assert.Single(PanelOptionsValidator.Validate(options));

        Assert.StartsWith("Panel:EntryDelay: ", error, StringComparison.Ordinal);
        Assert.Contains("EN 50131-1 caps the entry delay at 45 s", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(45)]
    public void Validate_EntryDelayWithinTheCap_Accepted(int seconds)
    {
        var options = SimVillaPanel();
        options.EntryDelay = TimeSpan.FromSeconds(seconds);

        Assert.Empty(PanelOptionsValidator.Validate(options));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public void Validate_SirenCutoff_Accepted2To15Minutes(int minutes, bool accepted)
    {
        var options = SimVillaPanel();
        options.SirenCutoff = TimeSpan.FromMinutes(minutes);

        var errors = PanelOptionsValidator.Validate(options);

        if (accepted)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.StartsWith("Panel:SirenCutoff: ", error, StringComparison.Ordinal);
            Assert.Contains("EN 50131-4", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Validate_GradeOtherThan2Or3_Refused(int grade)
    {
        var options = SimVillaPanel();
        options.Grade = grade;

        Assert.Equal([$"Panel:Grade: must be 2 or 3, got {grade}"], PanelOptionsValidator.Validate(options));
    }

    [Fact]
    public void Validate_Grade3WithFourDigitCode_RefusesTheCode()
    {
        var options = SimVillaPanel();
        options.Grade = 3;
        options.Users[1].Code = "5820";

        var error = Assert.Single(PanelOptionsValidator.Validate(options));

        Assert.StartsWith("Panel:Users[1]:Code: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("5820", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ArmLogEntries", 101, "P7")]
    [InlineData("ArmLogMonths", 4, "P7")]
    [InlineData("AlarmHistoryYears", 6, "P8")]
    [InlineData("ArmLogEntries", 0, "P7")]
    public void Validate_RetentionOutsideThePolicy_Refused(string field, int value, string clause)
    {
        var options = SimVillaPanel();
        switch (field)
        {
            case "ArmLogEntries": options.Retention.ArmLogEntries = value; break;
            case "ArmLogMonths": options.Retention.ArmLogMonths = value; break;
            default: options.Retention.AlarmHistoryYears = value; break;
        }

        var error = Assert.Single(PanelOptionsValidator.Validate(options));

        Assert.StartsWith($"Panel:Retention:{field}: ", error, StringComparison.Ordinal);
        Assert.Contains(clause, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RetentionShortened_Accepted()
    {
        var options = SimVillaPanel();
        options.Retention.ArmLogEntries = 20;
        options.Retention.ArmLogMonths = 1;
        options.Retention.AlarmHistoryYears = 1;

        Assert.Empty(PanelOptionsValidator.Validate(options));
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("1111")]
    [InlineData("0512")]
    [InlineData("112233")]
    public void Validate_WeakCode_RefusedWithoutRepeatingIt(string code)
    {
        var options = SimVillaPanel();
        options.Users[0].Code = code;

        var error = Assert.Single(PanelOptionsValidator.Validate(options));

        Assert.StartsWith("Panel:Users[0]:Code: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(code, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TechnicalZoneWithoutKind_NamesTheZone()
    {
        var options = SimVillaPanel();
        options.Zones.Single(z => z.Id == "water-leak").Kind = null;

        Assert.StartsWith("Panel:Zones[10]:Kind: ", Assert.Single(PanelOptionsValidator.Validate(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateZoneAndUserNumber_NamesBoth()
    {
        var options = SimVillaPanel();
        options.Zones[1].Id = options.Zones[0].Id;
        options.Users[2].Number = options.Users[0].Number;

        Assert.Equal(
            ["Panel:Zones[1]:Id: 'front-door' is used twice", "Panel:Users[2]:Number: must be 1-99 and unique"],
            PanelOptionsValidator.Validate(options));
    }

    private static PanelOptions SimVillaPanel() => ConfigLoader.Load(SimVilla.ConfigPath).Panel;
}
