using System.Globalization;
using System.Text;

namespace PanelAgent.Privacy;

/// <summary>
/// P12: technician tools show people as user numbers or initials. A label "Synthetic Person" shows as "S.P."; no label
/// shows as null. Codes are never shown in any form, so there is nothing here for them.
/// </summary>
public static class Redaction
{
    public static string? Initials(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var initials = new StringBuilder();
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3))
        {
            var first = StringInfo.GetNextTextElementLength(word) is var n and > 0 ? word[..n] : word;
            initials.Append(first.ToUpperInvariant()).Append('.');
        }

        return initials.ToString();
    }

    /// <summary>The subject of an access entry about a user.</summary>
    public static string User(int number) => "user:" + number.ToString(CultureInfo.InvariantCulture);
}
