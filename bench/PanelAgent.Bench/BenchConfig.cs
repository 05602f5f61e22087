using System.Globalization;
using PanelAgent.Options;

namespace PanelAgent.Bench;

/// <summary>
/// The panel configuration the in-process benchmarks run on: a copy of the given file (sim-villa) with its database and
/// pepper in the benchmark's own directory and the bench zone's debounce set to zero, so that every edge is accepted
/// at once and the figure is the pipeline's, not the debounce's. Bound and validated by the host's own loader.
/// </summary>
internal static class BenchConfig
{
    public static PanelConfig Load(string configPath, string directory, string zone)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Storage:Path"] = Path.Combine(directory, "panel.db"),
            ["Panel:Codes:PepperPath"] = Path.Combine(directory, "pepper"),
        };
        var index = ConfigLoader.Load(configPath, overrides).Panel.Zones.FindIndex(z => z.Id == zone);
        if (index < 0)
        {
            throw new InvalidOperationException($"{configPath} has no zone '{zone}'");
        }

        overrides[$"Panel:Zones:{index.ToString(CultureInfo.InvariantCulture)}:Debounce"] = "00:00:00";
        var config = ConfigLoader.Load(configPath, overrides);
        var definition = config.ToEngineSettings().Zones[zone];
        if (definition.Debounce != TimeSpan.Zero)
        {
            throw new InvalidOperationException($"zone '{zone}' kept a debounce of {definition.Debounce}");
        }

        return config;
    }

    /// <summary>The trouble kind the bench zone raises (technical zones: their Kind, else their id).</summary>
    public static string TroubleKind(PanelConfig config, string zone) =>
        config.Panel.Zones.First(z => z.Id == zone).Kind ?? zone;
}
