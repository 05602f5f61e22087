namespace PanelAgent.Hil.Scenarios;

/// <summary>Where the parser is (file, step), so every error can say so.</summary>
internal sealed record ParseContext(string Source, int? Step = null, string? Kind = null)
{
    public ScenarioFormatException Error(string? field, string detail) => new(Source, Step, Kind, field, detail);
}
