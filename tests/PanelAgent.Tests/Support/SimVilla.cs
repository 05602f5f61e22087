using System.Text.Json;
using System.Text.Json.Nodes;
using PanelAgent.Options;

namespace PanelAgent.Tests.Support;

/// <summary>
/// hardware/panels/sim-villa.json, copied beside the test assembly by the project file. Tests load it as is, or write
/// an altered copy to a temp folder. Its people are synthetic (P12); its codes are the ones below.
/// </summary>
internal static class SimVilla
{
    /// <summary>The provisioned codes of users 1, 2 and 9 (duress): they must never appear in any output (P9).</summary>
    public static readonly string[] Codes = ["258013", "741852", "369147"];

    public const string UserCode = "258013";

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static string ConfigPath { get; } = Path.Combine(AppContext.BaseDirectory, "panels", "sim-villa.json");

    /// <summary>A fresh, editable copy of the file's JSON.</summary>
    public static JsonObject Json() => JsonNode.Parse(File.ReadAllText(ConfigPath))!.AsObject();

    /// <summary>The zone entry with this id under Panel:Zones.</summary>
    public static JsonObject Zone(JsonObject config, string id) =>
        config["Panel"]!["Zones"]!.AsArray().Single(z => (string?)z!["Id"] == id)!.AsObject();

    /// <summary>The wiring entry of this zone under Hardware:Inputs.</summary>
    public static JsonObject Input(JsonObject config, string zone) =>
        config["Hardware"]!["Inputs"]!.AsArray().Single(i => (string?)i!["Zone"] == zone)!.AsObject();

    public static string Write(JsonObject config, string path)
    {
        File.WriteAllText(path, config.ToJsonString(s_indented));
        return path;
    }

    /// <summary>What <c>--data DIR</c> implies: the database and the pepper inside <paramref name="dataDirectory"/>.</summary>
    public static Dictionary<string, string?> DataOverrides(string dataDirectory) => new(StringComparer.Ordinal)
    {
        ["Storage:Path"] = Path.Combine(dataDirectory, "panel.db"),
        ["Panel:Codes:PepperPath"] = Path.Combine(dataDirectory, "pepper"),
    };

    /// <summary>The configuration as the host loads it, with storage and pepper in <paramref name="dataDirectory"/>.</summary>
    public static PanelConfig Load(string dataDirectory, string? configPath = null) =>
        ConfigLoader.Load(configPath ?? ConfigPath, DataOverrides(dataDirectory));
}
