using PanelAgent.Hil.Reporting;
using PanelAgent.Hil.Running;
using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests.Reporting;

public class ConsoleReporterTests
{
    private const string Burglary = """
        { "arm": "away", "code": "258013" },
        { "advance": "PT31S" },
        { "zone": "front-door", "state": "open", "note": "the burglar, not the owner" },
        { "advance": "PT31S" },
        { "expect": { "event": "alarm.intrusion", "zone": "front-door" }, "within": "PT1S" },
        { "disarm": "258013" }
        """;

    private readonly FakeScenarioTarget _target = new();
    private readonly StringWriter _output = new();

    public ConsoleReporterTests()
    {
        _target.OnCall = call =>
        {
            if (call.StartsWith("arm", StringComparison.Ordinal))
            {
                _target.Emit("exit.started", user: 1, detail: "away");
                _target.Schedule(TimeSpan.FromSeconds(30), "armed.away", user: 1);
            }
            else if (call.StartsWith("zone", StringComparison.Ordinal))
            {
                _target.Emit("entry.started", "front-door");
            }
        };
    }

    [Fact]
    public async Task StepFinished_FailedExpect_PrintsTheStepLineAndTheEventsSinceTheCursor()
    {
        await RunAsync(Burglary, timeline: false);

        var lines = Lines();
        Assert.Equal("▶ burglary-front-door", lines[0]);
        Assert.Equal("  ✓ 00:00:00  arm away code=******", lines[1]);
        Assert.Equal("  ✓ 00:00:31  zone front-door open  # the burglar, not the owner", lines[3]);
        Assert.Equal(
            "  ✗ 00:01:02  expect alarm.intrusion zone=front-door — not seen within PT1S (saw: exit.started user=1 detail=away @00:00:00, armed.away user=1 @00:00:30, entry.started front-door @00:00:31)",
            lines[5]);
        Assert.Equal("      events since the last match:", lines[6]);
        Assert.Equal("        00:00:31  entry.started  zone=front-door", lines[9]);
        Assert.Equal("  - --:--:--  disarm code=****** — skipped: step 5 failed", lines[10]);
        Assert.Equal("  FAIL burglary-front-door: 4 passed, 1 failed, 1 skipped", lines[11]);
    }

    [Fact]
    public async Task EventObserved_WithTimeline_PrintsEventsUnderTheStepThatSawThem()
    {
        await RunAsync(Burglary, timeline: true);

        var lines = Lines();
        Assert.Equal("      00:00:00  exit.started  user=1 detail=away", lines[2]);
        Assert.Equal("  ✓ 00:00:00  advance PT31S", lines[3]);
        Assert.Equal("      00:00:30  armed.away  user=1", lines[4]);
        Assert.Equal("      00:00:31  entry.started  zone=front-door", lines[6]);
    }

    [Fact]
    public async Task EventObserved_WithoutTimeline_PrintsNoEventsForPassingSteps()
    {
        await RunAsync("""{ "arm": "away", "code": "258013" }, { "advance": "PT31S" }""", timeline: false);

        Assert.DoesNotContain(Lines(), l => l.Contains("armed.away", StringComparison.Ordinal));
        Assert.Equal("  PASS burglary-front-door: 2 steps passed", Lines()[3]);
    }

    [Fact]
    public async Task Output_WithCodesEverywhere_NeverPrintsACode()
    {
        _target.ThrowNext = null;
        var steps = Burglary.Replace("the burglar, not the owner", "owner typed 258013", StringComparison.Ordinal)
            + """, { "disarm": "369147", "note": "duress 369147" }""";

        await RunAsync(steps.Replace("\"within\": \"PT1S\"", "\"within\": \"PT0S\"", StringComparison.Ordinal), timeline: true);
        _target.ThrowNext = new InvalidOperationException("wrong code 369147 for user 9");
        await RunAsync("""{ "disarm": "369147" }, { "arm": "home", "code": "258013" }""", timeline: true);

        var text = _output.ToString();
        Assert.Contains("code=******", text, StringComparison.Ordinal);
        Assert.Contains("wrong code ****** for user 9", text, StringComparison.Ordinal);
        Assert.DoesNotContain("258013", text, StringComparison.Ordinal);
        Assert.DoesNotContain("369147", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioStarted_WithNote_PrintsTheNoteMasked()
    {
        var scenario = ScenarioJson.Parse("""{ "disarm": "258013" }""") with { Name = "duress", Note = "not 258013" };

        new ConsoleReporter(_output, timeline: false).ScenarioStarted(scenario, FakeScenarioTarget.Epoch);

        Assert.Equal(["▶ duress", "  # not ******", ""], Lines());
    }

    [Fact]
    public void WriteTotals_CountsScenariosAndSteps()
    {
        var scenario = ScenarioJson.Parse("""{ "advance": "PT1S" }, { "advance": "PT1S" }""");
        var passed = new ScenarioResult(scenario, [.. scenario.Steps.Select(s => new StepResult(s, StepOutcome.Passed, "", TimeSpan.Zero))]);
        var failed = new ScenarioResult(scenario,
        [
            new StepResult(scenario.Steps[0], StepOutcome.Failed, "", TimeSpan.Zero),
            new StepResult(scenario.Steps[1], StepOutcome.Skipped, "", TimeSpan.Zero),
        ]);

        new ConsoleReporter(_output, timeline: false).WriteTotals([passed, failed]);

        Assert.Equal("2 scenario(s): 1 passed, 1 failed; 4 steps: 2 passed, 1 failed, 1 skipped", Lines()[0]);
    }

    private async Task RunAsync(string steps, bool timeline)
    {
        var scenario = ScenarioJson.Parse(steps) with { Name = "burglary-front-door" };
        await new ScenarioRunner(new ConsoleReporter(_output, timeline)).RunAsync(scenario, _target, default);
    }

    private string[] Lines() => _output.ToString().Split(Environment.NewLine);
}
