using System.Globalization;
using PanelAgent.Hil.Scenarios;

namespace PanelAgent.Hil.Running;

/// <summary>
/// Compares a figure read from the target with a <c>check</c>. A string expectation compares as text (ordinal);
/// a number expectation compares numerically, so "100" equals 100 and 1e2.
/// </summary>
internal static class FigureComparison
{
    public static StepVerdict Compare(CheckStep check, string value)
    {
        if (check.ExpectedText is { } text)
        {
            return string.Equals(value, text, StringComparison.Ordinal)
                ? StepVerdict.Pass($"is \"{value}\"")
                : StepVerdict.Fail($"{check.Figure} is \"{value}\", expected \"{text}\"");
        }

        if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return StepVerdict.Fail($"{check.Figure} is \"{value}\", not a number");
        }

        if (check.ExpectedNumber is { } expected && number != expected)
        {
            return StepVerdict.Fail($"{check.Figure} is {value}, expected {Text(expected)}");
        }

        if (check.AtLeast is { } least && number < least)
        {
            return StepVerdict.Fail($"{check.Figure} is {value}, expected at least {Text(least)}");
        }

        return check.AtMost is { } most && number > most
            ? StepVerdict.Fail($"{check.Figure} is {value}, expected at most {Text(most)}")
            : StepVerdict.Pass("is " + value);
    }

    private static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
