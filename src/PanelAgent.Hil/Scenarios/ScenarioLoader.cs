namespace PanelAgent.Hil.Scenarios;

/// <summary>Reads, parses and checks a scenario file, so that every file is known good before anything runs.</summary>
public static class ScenarioLoader
{
    public static ScenarioFile Load(string path, string currentDirectory)
    {
        string json;
        try
        {
            json = File.ReadAllText(Path.GetFullPath(path, currentDirectory));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException(path, null, null, null, "cannot read: " + ex.Message);
        }

        var scenario = ScenarioParser.Parse(json, path);
        if (!PanelPathResolver.TryResolve(scenario.Panel, path, currentDirectory, out var panelPath))
        {
            throw new ScenarioFormatException(path, null, null, "panel",
                $"field \"panel\": \"{scenario.Panel}\" not found (looked in the current directory and up from the scenario's)");
        }

        return new ScenarioFile(path, scenario, panelPath);
    }
}
