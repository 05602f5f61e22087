namespace PanelAgent.Hil.Scenarios;

/// <summary>A parsed scenario: a name, the panel configuration it runs against, and its steps in order.</summary>
/// <param name="Name">The scenario's name (JUnit testsuite name).</param>
/// <param name="Panel">The panel path as written in the file (see <see cref="PanelPathResolver"/>).</param>
/// <param name="Steps">The steps, in order.</param>
public sealed record Scenario(string Name, string Panel, IReadOnlyList<ScenarioStep> Steps)
{
    public string? Note { get; init; }

    /// <summary>Every code the scenario types, so that output can mask them even inside a target's message.</summary>
    public IReadOnlyList<string> Codes =>
    [
        .. Steps.Select(s => s switch { ArmStep a => a.Code, DisarmStep d => d.Code, _ => null })
            .OfType<string>().Distinct(StringComparer.Ordinal),
    ];
}
