using PanelAgent.Core.Inputs;
using PanelAgent.Hardware.Options;

namespace PanelAgent.Hardware.Inputs;

/// <summary>One physical input: a zone's detector or tamper line, on the SoC or the expander.</summary>
/// <param name="ZoneId">The zone it belongs to.</param>
/// <param name="Input">Detector or tamper.</param>
/// <param name="Pin">The line number on its chip.</param>
/// <param name="ActiveLow">True when a low level means active.</param>
public sealed record ZoneLine(string ZoneId, InputLine Input, int Pin, bool ActiveLow)
{
    /// <summary>The logical state of a physical level.</summary>
    public bool IsActive(bool high) => high != ActiveLow;

    /// <summary>The physical level (true = high) that means <paramref name="active"/>.</summary>
    public bool LevelFor(bool active) => active != ActiveLow;

    /// <summary>Every detector and tamper line of the inputs on the SoC (<paramref name="onExpander"/> false) or the expander.</summary>
    public static IReadOnlyList<ZoneLine> From(IEnumerable<ZoneInputOptions> inputs, bool onExpander)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var lines = new List<ZoneLine>();
        foreach (ZoneInputOptions input in inputs.Where(i => i.OnExpander == onExpander))
        {
            lines.Add(new ZoneLine(input.Zone, InputLine.Detector, input.Line, input.ActiveLow));
            if (input.TamperLine is int tamper)
            {
                lines.Add(new ZoneLine(input.Zone, InputLine.Tamper, tamper, input.TamperActiveLow));
            }
        }

        return lines;
    }
}
