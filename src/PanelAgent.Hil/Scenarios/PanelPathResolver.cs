namespace PanelAgent.Hil.Scenarios;

/// <summary>
/// Finds the panel file a scenario names. Relative to the current directory first (running from the repo root),
/// then up from the scenario's own directory, so that <c>"hardware/panels/sim-villa.json"</c> works from anywhere
/// inside the repo and from a copy of <c>hardware/</c> on a rig.
/// </summary>
public static class PanelPathResolver
{
    public static bool TryResolve(string panel, string scenarioPath, string currentDirectory, out string resolved)
    {
        resolved = Path.GetFullPath(panel, currentDirectory);
        if (File.Exists(resolved))
        {
            return true;
        }

        if (Path.IsPathRooted(panel))
        {
            return false;
        }

        for (var dir = Path.GetDirectoryName(Path.GetFullPath(scenarioPath, currentDirectory)); dir is not null;
             dir = Path.GetDirectoryName(dir))
        {
            resolved = Path.Combine(dir, panel);
            if (File.Exists(resolved))
            {
                return true;
            }
        }

        return false;
    }
}
