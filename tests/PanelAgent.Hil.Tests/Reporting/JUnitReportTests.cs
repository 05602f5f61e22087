using System.Xml.Linq;
using PanelAgent.Core.Events;
using PanelAgent.Hil.Reporting;
using PanelAgent.Hil.Running;
using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests.Reporting;

public sealed class JUnitReportTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Save_PassedAndFailedScenarios_WritesWellFormedXmlWithTotals()
    {
        var path = _tree.Path("junit.xml");

        JUnitReport.Save([Passed(), Failed()], path);

        var root = XDocument.Load(path).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("6", "1", "0", "2"), Totals(root));
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(["quiet-night", "burglary-front-door"], suites.Select(s => (string?)s.Attribute("name")));
        Assert.Equal(("2", "0", "0", "0"), Totals(suites[0]));
        Assert.Equal(("4", "1", "0", "2"), Totals(suites[1]));
        Assert.Equal("hardware/scenarios/burglary.json", (string?)suites[1].Attribute("file"));
    }

    [Fact]
    public void Build_Steps_BecomeTestcasesNamedNumberKindSummary()
    {
        var suite = JUnitReport.Build([Failed()]).Root!.Element("testsuite")!;

        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(
            ["01 arm away code=******", "02 expect alarm.intrusion zone=front-door", "03 disarm code=******", "04 advance P100D"],
            cases.Select(c => (string?)c.Attribute("name")));
        Assert.All(cases, c => Assert.Equal("burglary-front-door", (string?)c.Attribute("classname")));
        var failure = cases[1].Element("failure")!;
        Assert.Equal("not seen within PT1S (saw: entry.started front-door @00:00:31)", (string?)failure.Attribute("message"));
        Assert.Equal("00:00:31  entry.started  zone=front-door", failure.Value);
        Assert.Equal("skipped: step 2 failed", (string?)cases[2].Element("skipped")!.Attribute("message"));
        Assert.Contains("00:00:31  entry.started  zone=front-door", suite.Element("system-out")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CodesAndControlCharacters_NeitherLeakNorBreakTheXml()
    {
        var result = Failed();
        var bad = result with { Steps = [.. result.Steps.Select(s => s with { Message = s.Message + "\u0001\u0007 \ud83d\udd14" })] };

        var text = JUnitReport.Build([bad]).ToString();

        Assert.DoesNotContain("258013", text, StringComparison.Ordinal);
        Assert.Contains("\ud83d\udd14", XDocument.Parse(text).Root!.Descendants("failure").Single().Attribute("message")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TargetNotStarted_CountsAnError()
    {
        var scenario = ScenarioJson.Parse("""{ "advance": "PT1S" }""");

        var root = JUnitReport.Build([ScenarioResult.NotStarted(scenario, "IOException: no panel")]).Root!;

        Assert.Equal(("2", "0", "1", "1"), Totals(root));
        Assert.Equal("IOException: no panel", (string?)root.Descendants("error").Single().Attribute("message"));
    }

    private static (string?, string?, string?, string?) Totals(XElement e) =>
        ((string?)e.Attribute("tests"), (string?)e.Attribute("failures"), (string?)e.Attribute("errors"), (string?)e.Attribute("skipped"));

    private static ScenarioResult Passed()
    {
        var scenario = ScenarioJson.Parse("""{ "advance": "PT1S" }, { "check": "state", "equals": "disarmed" }""") with { Name = "quiet-night" };
        return new ScenarioResult(scenario, [.. scenario.Steps.Select(s => new StepResult(s, StepOutcome.Passed, "", TimeSpan.Zero))]);
    }

    private static ScenarioResult Failed()
    {
        var scenario = ScenarioJson.Parse("""
            { "arm": "away", "code": "258013" },
            { "expect": { "event": "alarm.intrusion", "zone": "front-door" }, "within": "PT1S" },
            { "disarm": "258013" },
            { "advance": "P100D" }
            """) with { Name = "burglary-front-door" };
        var start = FakeScenarioTarget.Epoch;
        var entry = new PanelEvent("entry.started", start.AddSeconds(31), "front-door");
        StepResult[] steps =
        [
            new(scenario.Steps[0], StepOutcome.Passed, "", TimeSpan.Zero) { WallTime = TimeSpan.FromMilliseconds(12) },
            new(scenario.Steps[1], StepOutcome.Failed, "not seen within PT1S (saw: entry.started front-door @00:00:31)",
                TimeSpan.FromSeconds(62)) { Seen = [entry] },
            new(scenario.Steps[2], StepOutcome.Skipped, "skipped: step 2 failed", TimeSpan.FromSeconds(63)),
            new(scenario.Steps[3], StepOutcome.Skipped, "skipped: step 2 failed", TimeSpan.FromSeconds(63)),
        ];
        return new ScenarioResult(scenario, steps) { Start = start, Events = [entry], Source = "hardware/scenarios/burglary.json" };
    }
}
