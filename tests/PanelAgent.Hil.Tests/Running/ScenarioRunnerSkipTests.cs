using System.Xml.Linq;
using PanelAgent.Hil.Reporting;
using PanelAgent.Hil.Running;
using PanelAgent.Hil.Scenarios;
using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests.Running;

/// <summary>Steps a target cannot run (a rig): skipped with the reason, in the console and in JUnit.</summary>
public class ScenarioRunnerSkipTests
{
    private const string Steps = """
        { "arm": "away", "code": "258013" },
        { "check": "armlog.count", "equals": 1 },
        { "expect": { "event": "exit.started" } },
        { "advance": "P92D" },
        { "check": "armlog.count", "equals": 0 },
        { "disarm": "258013" }
        """;

    private readonly FakeScenarioTarget _target = new()
    {
        Cannot = step => step switch
        {
            CheckStep => "kept inside the panel",
            AdvanceStep => "longer than this rig waits",
            _ => null,
        },
    };

    [Fact]
    public async Task RunAsync_ObservationCannotRun_SkippedAndTheRestRuns()
    {
        _target.OnCall = call => { if (call.StartsWith("arm", StringComparison.Ordinal)) _target.Emit("exit.started", user: 1, detail: "away"); };

        var result = await new ScenarioRunner().RunAsync(ScenarioJson.Parse(Steps), _target, default);

        Assert.True(result.Passed);
        Assert.Equal(
            [StepOutcome.Passed, StepOutcome.Skipped, StepOutcome.Passed, StepOutcome.Skipped, StepOutcome.Skipped, StepOutcome.Skipped],
            result.Steps.Select(s => s.Outcome));
        Assert.Equal("not on this target: kept inside the panel", result.Steps[1].Message);
        Assert.Equal("not on this target: longer than this rig waits", result.Steps[3].Message);
        Assert.Equal("skipped: step 4 did not run on this target", result.Steps[5].Message);
        Assert.DoesNotContain(_target.Calls, c => c.StartsWith("advance", StringComparison.Ordinal) || c == "disarm");
    }

    [Fact]
    public async Task RunAsync_SkippedSteps_ReportedInConsoleAndJUnitWithTheirReason()
    {
        _target.Emit("exit.started");
        var output = new StringWriter();

        var result = await new ScenarioRunner(new ConsoleReporter(output, timeline: false)).RunAsync(ScenarioJson.Parse(Steps), _target, default);
        var junit = JUnitReport.Build([result]);

        Assert.Contains("  - --:--:--  advance P92D — not on this target: longer than this rig waits", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("PASS test: 2 passed, 0 failed, 4 skipped", output.ToString(), StringComparison.Ordinal);
        var reporter = new ConsoleReporter(output, timeline: false);
        reporter.WriteTotals([result, result]);
        Assert.Contains("  not on this target (2): kept inside the panel\n", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  not on this target (2): longer than this rig waits", output.ToString(), StringComparison.Ordinal);
        var skipped = junit.Descendants("skipped").Select(s => (string?)s.Attribute("message")).ToList();
        Assert.Equal(4, skipped.Count);
        Assert.Contains("not on this target: longer than this rig waits", skipped);
        Assert.Equal("0", (string?)junit.Root!.Attribute("failures"));
        Assert.Equal("4", (string?)junit.Root!.Attribute("skipped"));
    }

    [Fact]
    public async Task RunAsync_SimulationTarget_RunsEveryStepEvenRigFalse()
    {
        var target = new FakeScenarioTarget();

        var result = await new ScenarioRunner().RunAsync(
            ScenarioJson.Parse("""{ "advance": "P92D", "rig": false }, { "disarm": "258013" }"""), target, default);

        Assert.All(result.Steps, s => Assert.Equal(StepOutcome.Passed, s.Outcome));
        Assert.Equal(["advance 92.00:00:00", "disarm"], target.Calls);
        _ = XDocument.Parse(JUnitReport.Build([result]).ToString());
    }
}
