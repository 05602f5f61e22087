namespace PanelAgent.Hil.Scenarios;

/// <summary>A scenario loaded from disk, with its panel file found.</summary>
/// <param name="Path">The file as the user named it, for messages.</param>
/// <param name="Scenario">The parsed scenario.</param>
/// <param name="PanelConfigPath">The full path of the panel configuration.</param>
public sealed record ScenarioFile(string Path, Scenario Scenario, string PanelConfigPath);
