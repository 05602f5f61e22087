using PanelAgent.Hil.Reporting;
using PanelAgent.Hil.Running;
using PanelAgent.Hil.Scenarios;
using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests.Rig;

/// <summary>
/// Library scenarios through the rig target, end to end: rig GPIO → wire → the panel's real adapters and engine →
/// sealed events over a real Mosquitto → the rig's panel-station; arming through signed station commands. The panel
/// keeps running from one scenario to the next, as on a rig. Each test states which steps must be skipped, and why.
/// </summary>
[Collection(RigBackToBackCollection.Name)]
public sealed class RigBackToBackTests(BackToBackBench bench) : IClassFixture<BackToBackBench>
{
    [Fact]
    public async Task Burglary_FrontDoorWhileArmedAway_AlarmsAndSkipsTheHundredDayWait()
    {
        var result = await RunAsync("burglary-front-door.json");

        AssertPassed(result, skipped: [8, 9]);
        Assert.Contains("longer than this rig waits", result.Steps[7].Message, StringComparison.Ordinal);
        Assert.Contains("step 8 did not run", result.Steps[8].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fire_SmokeDisarmedAndArmed_AlarmsWithTheSirenSeenOnTheRigInput()
    {
        var result = await RunAsync("fire.json");

        AssertPassed(result, skipped: []);
        Assert.Contains("as alarm.cancelled user=0", result.Steps[6].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tamper_LidAndDetectorCover_TroubleDisarmedAlarmArmed()
    {
        AssertPassed(await RunAsync("tamper.json"), skipped: []);
    }

    [Fact]
    public async Task ArmHome_InteriorIgnoredPerimeterAlarms()
    {
        AssertPassed(await RunAsync("arm-home.json"), skipped: []);
    }

    [Fact]
    public async Task DetectorFault_RelayCutsTheExpanderBus_DetectorTrouble()
    {
        AssertPassed(await RunAsync("detector-fault.json"), skipped: []);
    }

    [Fact]
    public async Task Lockout_WrongCodes_SkippedForWantOfAKeypad()
    {
        var result = await RunAsync("lockout.json");

        Assert.True(result.Passed, Describe(result));
        var first = result.Steps.First(s => s.Outcome == StepOutcome.Skipped);
        Assert.Contains("code entry rules need a keypad", first.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("111111", string.Join('\n', result.Steps.Select(s => s.Message)), StringComparison.Ordinal);
    }

    private async Task<ScenarioResult> RunAsync(string file)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoPaths.Find(Path.Combine("hardware", "scenarios")), file),
            Path.GetDirectoryName(BackToBackBench.Villa)!);
        var output = new StringWriter();
        var result = await new ScenarioRunner(new ConsoleReporter(output, timeline: true)).RunAsync(scenario, bench.Targets!, CancellationToken.None);
        return result with { Source = output.ToString() };
    }

    private static void AssertPassed(ScenarioResult result, int[] skipped)
    {
        Assert.True(result.Passed, Describe(result));
        Assert.Equal(skipped, result.Steps.Where(s => s.Outcome == StepOutcome.Skipped).Select(s => s.Step.Number));
    }

    /// <summary>The console report (with the timeline) of a run, for a failure message.</summary>
    private static string Describe(ScenarioResult result) => (result.SetupError ?? "") + "\n" + result.Source;
}
