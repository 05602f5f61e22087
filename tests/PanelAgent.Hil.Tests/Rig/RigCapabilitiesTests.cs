using PanelAgent.Hil.Rig;
using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests.Rig;

/// <summary>Which steps the villa rig runs, and the reason it gives for each one it cannot.</summary>
public sealed class RigCapabilitiesTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly RigMap _map;

    public RigCapabilitiesTests()
    {
        var text = File.ReadAllText(RepoPaths.Find(Path.Combine("hardware", "rig", "villa-rig.json")))
            .Replace("\"../panels/sim-villa.json\"", System.Text.Json.JsonSerializer.Serialize(BackToBackBench.Villa), StringComparison.Ordinal)
            .Replace("\"/etc/panel-hil/rig-station.json\"", System.Text.Json.JsonSerializer.Serialize(_tree.Write("station.json", "{}")), StringComparison.Ordinal);
        _map = RigMapLoader.Load(_tree.Write("rig.json", text));
    }

    public void Dispose() => _tree.Dispose();

    public static TheoryData<string, string?> Steps() => new()
    {
        { """{ "arm": "away", "code": "258013" }""", null },
        { """{ "arm": "home", "code": "741852" }""", null },
        { """{ "disarm": "258013" }""", null },
        { """{ "disarm": "111111" }""", "code entry rules need a keypad" },
        { """{ "disarm": "369147" }""", "code entry rules need a keypad" },
        { """{ "arm": "away", "code": "258013", "bypass": ["back-door"] }""", "no bypass list" },
        { """{ "arm": "away", "code": "258013", "rig": false }""", "marks this step \"rig\": false" },
        { """{ "zone": "front-door", "state": "open" }""", null },
        { """{ "zone": "front-door", "state": "tamper" }""", null },
        { """{ "zone": "panel-tamper", "state": "tamper" }""", null },
        { """{ "zone": "front-door", "state": "fault" }""", "no rig line drives the fault of zone \"front-door\"" },
        { """{ "zone": "water-leak", "state": "fault" }""", null },
        { """{ "advance": "PT10M" }""", null },
        { """{ "advance": "P92D" }""", "longer than this rig waits (advanceCap PT10M)" },
        { """{ "restart": true, "hard": true }""", "cannot restart the panel" },
        { """{ "camera": "hall-cam", "mode": "covered" }""", "only in the simulation" },
        { """{ "station": "picture", "from": "hall-cam" }""", "not driven from the rig" },
        { """{ "check": "state", "equals": "disarmed" }""", null },
        { """{ "check": "siren", "equals": "on" }""", null },
        { """{ "check": "armlog.count", "equals": 0 }""", "kept inside the panel" },
        { """{ "expect": { "event": "alarm.fire" }, "within": "PT1S" }""", null },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void CannotRun_VillaRig_ReasonOrNull(string step, string? reason)
    {
        var parsed = ScenarioJson.Parse(step).Steps[0];

        var why = RigCapabilities.CannotRun(parsed, _map, _map.Panel!, FakeScenarioTarget.Epoch);

        if (reason is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(reason, why, StringComparison.Ordinal);
        }
    }

    /// <summary>hardware/rig/README.md lists what the villa rig runs of each library scenario; it must say the truth.</summary>
    [Fact]
    public void Readme_ScenarioTable_IsWhatTheVillaRigRuns()
    {
        var folder = RepoPaths.Find(Path.Combine("hardware", "scenarios"));
        var rows = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => Row(Path.GetFileNameWithoutExtension(f), Hil.Scenarios.ScenarioParser.Parse(File.ReadAllText(f), f)));
        var readme = File.ReadAllText(RepoPaths.Find(Path.Combine("hardware", "rig", "README.md")));
        var start = readme.IndexOf("<!-- rig-scenarios -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- /rig-scenarios -->", StringComparison.Ordinal);
        var table = start < 0 || end < start ? "" : readme[(start + "<!-- rig-scenarios -->".Length)..end].Trim();

        var expected = "| scenario | steps run | left out (first reason) |\n|---|---|---|\n" + string.Join('\n', rows);
        Assert.True(expected == table.ReplaceLineEndings("\n"), "hardware/rig/README.md should hold:\n" + expected);
    }

    /// <summary>As the runner goes: a skipped action ends the run of the scenario on the rig, a skipped observation does not.</summary>
    private string Row(string name, Hil.Scenarios.Scenario scenario)
    {
        var run = 0;
        string? first = null;
        foreach (var step in scenario.Steps)
        {
            var why = RigCapabilities.CannotRun(step, _map, _map.Panel!, FakeScenarioTarget.Epoch);
            first ??= why is null ? null : $"step {step.Number}: {why}";
            if (why is null)
            {
                run++;
            }
            else if (step is not (Hil.Scenarios.ExpectStep or Hil.Scenarios.ExpectNoneStep or Hil.Scenarios.CheckStep))
            {
                break;
            }
        }

        var count = run == scenario.Steps.Count ? "all " + run : $"{run} of {scenario.Steps.Count}";
        return $"| {name} | {count} | {first ?? ""} |";
    }
}
