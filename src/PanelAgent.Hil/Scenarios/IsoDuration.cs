using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PanelAgent.Hil.Scenarios;

/// <summary>
/// An ISO 8601 duration of the form PnYnMnDTnHnMnS (seconds may have a fraction: PT0.5S).
/// Years and months are calendar units, so their length depends on the date they start from: they are resolved
/// against the target's current virtual date (<see cref="ResolveFrom"/>), like the panel's own retention periods
/// (PRIVACY.md: "calendar periods measured on the panel's clock"). Days are 24 h; the panel clock is UTC.
/// </summary>
public sealed partial record IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    public static readonly IsoDuration Zero = new(0, 0, 0, TimeSpan.Zero) { Text = "PT0S" };

    /// <summary>The text as written in the scenario, for messages.</summary>
    public string Text { get; init; } = "";

    public static bool TryParse(string text, [NotNullWhen(true)] out IsoDuration? duration)
    {
        duration = null;
        var m = Pattern().Match(text);
        if (!m.Success || !TryNumber(m, "y", out var years) || !TryNumber(m, "mo", out var months)
            || !TryNumber(m, "d", out var days) || !TryTime(m, out var time))
        {
            return false;
        }

        duration = new IsoDuration(years, months, days, time) { Text = text };
        return true;
    }

    /// <summary>
    /// The length of this duration when it starts at <paramref name="now"/>: years, then months (AddYears and
    /// AddMonths clamp to the month's last day, so 31 Jan + P1M is 28 or 29 Feb), then days, then the time part.
    /// </summary>
    public TimeSpan ResolveFrom(DateTimeOffset now) =>
        now.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time) - now;

    public override string ToString() => Text;

    private static bool TryNumber(Match m, string group, out int value)
    {
        value = 0;
        var g = m.Groups[group];
        return !g.Success || int.TryParse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryTime(Match m, out TimeSpan time)
    {
        time = TimeSpan.Zero;
        if (!TryNumber(m, "h", out var hours) || !TryNumber(m, "mi", out var minutes))
        {
            return false;
        }

        var s = m.Groups["s"];
        var seconds = 0m;
        if (s.Success && !decimal.TryParse(s.ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds))
        {
            return false;
        }

        try
        {
            var ticks = checked((hours * 3600L + minutes * 60L) * TimeSpan.TicksPerSecond
                + (long)(seconds * TimeSpan.TicksPerSecond));
            time = TimeSpan.FromTicks(ticks);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    // P alone, or a T with nothing after it, is not a duration: the lookaheads demand at least one number.
    [GeneratedRegex(@"^P(?=\d|T\d)(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<d>\d+)D)?(?:T(?=\d)(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
