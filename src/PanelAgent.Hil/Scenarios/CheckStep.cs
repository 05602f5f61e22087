using System.Globalization;
using System.Text;

namespace PanelAgent.Hil.Scenarios;

/// <summary>
/// A named figure compared with an expectation: <see cref="ExpectedText"/> (string equality),
/// <see cref="ExpectedNumber"/> (numeric equality), or a range from <see cref="AtLeast"/> and/or <see cref="AtMost"/>.
/// </summary>
public sealed record CheckStep(string Figure, string? ExpectedText, decimal? ExpectedNumber, decimal? AtLeast, decimal? AtMost)
    : ScenarioStep
{
    public override string Kind => "check";

    public override string Summary
    {
        get
        {
            var text = new StringBuilder(Figure);
            if (ExpectedText is not null)
            {
                text.Append(" = \"").Append(ExpectedText).Append('"');
            }

            Append(text, " = ", ExpectedNumber);
            Append(text, " >= ", AtLeast);
            Append(text, " <= ", AtMost);
            return text.ToString();
        }
    }

    private static void Append(StringBuilder text, string op, decimal? value)
    {
        if (value is { } v)
        {
            text.Append(op).Append(v.ToString(CultureInfo.InvariantCulture));
        }
    }
}
