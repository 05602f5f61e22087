using PanelAgent.Hil.Scenarios;

namespace PanelAgent.Hil.Reporting;

/// <summary>
/// Masks the scenario's codes in free text (a target's exception message, a note) before it is printed or written
/// to JUnit: steps never print codes themselves, but a careless message from a target must not leak one (P9).
/// </summary>
public static class Redaction
{
    public static string Mask(string text, IReadOnlyList<string> codes)
    {
        // Longest first, so a code that contains a shorter one is masked whole.
        foreach (var code in codes.OrderByDescending(c => c.Length))
        {
            text = text.Replace(code, ScenarioText.CodeMask, StringComparison.Ordinal);
        }

        return text;
    }
}
