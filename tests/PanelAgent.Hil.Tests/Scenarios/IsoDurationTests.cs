using PanelAgent.Hil.Scenarios;

namespace PanelAgent.Hil.Tests.Scenarios;

public class IsoDurationTests
{
    private static readonly DateTimeOffset s_midJanuary = new(2025, 1, 15, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("PT31S", 31)]
    [InlineData("PT0.5S", 0.5)]
    [InlineData("PT0S", 0)]
    [InlineData("PT1H2M3S", 3723)]
    [InlineData("PT3M", 180)]
    [InlineData("P1D", 86_400)]
    [InlineData("P100D", 8_640_000)]
    [InlineData("P1DT1H", 90_000)]
    public void TryParse_FixedLengths_ResolveToSeconds(string text, double seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));

        Assert.Equal(TimeSpan.FromSeconds(seconds), duration.ResolveFrom(s_midJanuary));
        Assert.Equal(text, duration.Text);
    }

    [Theory]
    [InlineData("2025-01-31", "P1M", 28)]
    [InlineData("2024-01-31", "P1M", 29)]
    [InlineData("2025-01-15", "P3M", 90)]
    [InlineData("2025-05-15", "P3M", 92)]
    [InlineData("2024-02-29", "P1Y", 365)]
    [InlineData("2025-01-15", "P5Y1D", 1827)]
    [InlineData("2025-01-15", "P1Y2M3D", 365 + 59 + 3)]
    public void ResolveFrom_YearsAndMonths_AreCalendarPeriodsFromTheTargetDate(string from, string text, int days)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));

        Assert.Equal(TimeSpan.FromDays(days), duration.ResolveFrom(DateTimeOffset.Parse(from + "T00:00:00Z", null)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("31S")]
    [InlineData("PT31X")]
    [InlineData("-PT1S")]
    [InlineData("P1.5D")]
    [InlineData("PT1M1H")]
    [InlineData("P1W")]
    [InlineData("pt31s")]
    [InlineData("PT99999999999999999999S")]
    public void TryParse_NotADuration_ReturnsFalse(string text)
    {
        Assert.False(IsoDuration.TryParse(text, out var duration));
        Assert.Null(duration);
    }
}
