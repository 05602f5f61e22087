using System.Reflection;
using PanelAgent.Core.Events;
using PanelAgent.Hil.Scenarios;

namespace PanelAgent.Hil.Tests.Scenarios;

/// <summary>
/// The scenario files in <c>hardware/scenarios/</c> parse, and speak only of what the simulated villa has:
/// its zones, the event kinds and figures of the contract, and its synthetic codes (P12).
/// </summary>
public class HardwareScenariosTests
{
    private static readonly string[] s_zones =
    [
        "front-door", "back-door", "living-room-window", "living-room-pir", "hall-pir", "kitchen-smoke",
        "bedroom-panic", "voice-unit", "panel-tamper", "mains", "water-leak",
        "kitchen-cam", // trouble.camera names a camera without a zone by its id (docs/images.md)
    ];

    /// <summary>Users 1 and 2, the duress code, and one deliberately wrong code. Synthetic, never a real person's.</summary>
    private static readonly string[] s_codes = ["258013", "741852", "369147", "111111"];

    private static readonly Dictionary<string, string[]?> s_figures = new(StringComparer.Ordinal)
    {
        ["armlog.count"] = null,
        ["alarmhistory.count"] = null,
        ["events.count"] = null,
        ["state"] = ["disarmed", "exit-delay", "armed-away", "armed-home", "entry-delay", "alarm"],
        ["siren"] = ["on", "off"],
        ["lock"] = ["on", "off"],
        ["plug"] = ["on", "off"],
        ["images.stored"] = null,
        ["images.withheld"] = null,
        ["access.count"] = null,
    };

    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(ScenarioDirectory(), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Files_CoverTheIssueList()
    {
        Assert.True(Files().Count >= 20);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_ScenarioFile_UsesOnlyTheVillasZonesEventsFiguresAndCodes(string file)
    {
        var scenario = ScenarioParser.Parse(File.ReadAllText(Path.Combine(ScenarioDirectory(), file)), file);

        Assert.Equal(Path.GetFileNameWithoutExtension(file), scenario.Name);
        Assert.Equal("hardware/panels/sim-villa.json", scenario.Panel);
        Assert.All(scenario.Codes, code => Assert.Contains(code, s_codes));
        Assert.All(scenario.Steps, step => AssertKnown(step));
    }

    private static void AssertKnown(ScenarioStep step)
    {
        switch (step)
        {
            case ZoneStep z:
                Assert.Contains(z.ZoneId, s_zones);
                break;
            case ArmStep a:
                Assert.All(a.Bypass, zone => Assert.Contains(zone, s_zones));
                break;
            case ExpectStep e:
                AssertKnown(e.Match);
                break;
            case ExpectNoneStep n:
                AssertKnown(n.Match);
                break;
            case CheckStep c:
                Assert.True(s_figures.TryGetValue(c.Figure, out var values), $"step {c.Number}: figure {c.Figure}");
                Assert.True(values is null ? c.ExpectedText is null : values.Contains(c.ExpectedText), $"step {c.Number}: {c}");
                break;
        }
    }

    private static void AssertKnown(EventMatch match)
    {
        var kinds = typeof(EventKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        Assert.True(
            kinds.Contains(match.Event) || match.Event.StartsWith(EventKinds.TroublePrefix, StringComparison.Ordinal),
            $"unknown event kind {match.Event}");
        Assert.True(match.Zone is null || s_zones.Contains(match.Zone), $"unknown zone {match.Zone}");
    }

    /// <summary>Found from this source file's path, since the tests run from an artifacts folder outside the repo.</summary>
    private static string ScenarioDirectory() => Fakes.RepoPaths.Find(Path.Combine("hardware", "scenarios"));
}
