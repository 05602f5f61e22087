using PanelAgent.Core.Zones;
using PanelAgent.Hil.Running;
using PanelAgent.Hil.Scenarios;
using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests.Running;

public class ScenarioRunnerTests
{
    private readonly FakeScenarioTarget _target = new();

    [Fact]
    public async Task RunAsync_ExpectEventBeforeTheStep_Passes()
    {
        _target.OnCall = call => { if (call == "zone front-door Active") _target.Emit("entry.started", "front-door"); };

        var result = await RunAsync("""
            { "zone": "front-door", "state": "open" },
            { "expect": { "event": "entry.started", "zone": "front-door" } }
            """);

        Assert.True(result.Passed);
        Assert.Equal("seen at 00:00:00", result.Steps[1].Message);
    }

    [Fact]
    public async Task RunAsync_ExpectWithinAndEventLater_AdvancesInSlicesUntilSeen()
    {
        _target.Schedule(TimeSpan.FromMilliseconds(650), "alarm.intrusion", "front-door");

        var result = await RunAsync("""{ "expect": { "event": "alarm.intrusion" }, "within": "PT1S" }""");

        Assert.True(result.Passed);
        Assert.Equal("seen at 00:00:00.650", result.Steps[0].Message);
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromMilliseconds(100), 7), _target.Advances);
    }

    [Fact]
    public async Task RunAsync_ExpectWithinAndEventTooLate_FailsAfterTheWholeWindow()
    {
        _target.Schedule(TimeSpan.FromMilliseconds(1050), "alarm.intrusion", "front-door");

        var result = await RunAsync("""{ "expect": { "event": "alarm.intrusion" }, "within": "PT1S" }""");

        Assert.Equal(StepOutcome.Failed, result.Steps[0].Outcome);
        Assert.Equal("not seen within PT1S (saw nothing since the last match)", result.Steps[0].Message);
        Assert.Equal(TimeSpan.FromSeconds(1), _target.Now - FakeScenarioTarget.Epoch);
    }

    [Fact]
    public async Task RunAsync_ExpectAbsent_FailsNamingWhatWasSeen()
    {
        _target.OnCall = call => { if (call.StartsWith("zone", StringComparison.Ordinal)) _target.Emit("entry.started", "front-door"); };

        var result = await RunAsync("""
            { "advance": "PT31S" },
            { "zone": "front-door", "state": "open" },
            { "advance": "PT31S" },
            { "expect": { "event": "alarm.intrusion", "zone": "front-door" }, "within": "PT1S" }
            """);

        var failed = result.Steps[3];
        Assert.Equal(StepOutcome.Failed, failed.Outcome);
        Assert.Equal("not seen within PT1S (saw: entry.started front-door @00:00:31)", failed.Message);
        Assert.Equal(TimeSpan.FromSeconds(62), failed.At);
        Assert.Equal("entry.started", Assert.Single(failed.Seen).Kind);
    }

    [Fact]
    public async Task RunAsync_EventMatchedOnce_CannotSatisfyASecondExpect()
    {
        _target.Emit("siren.on");

        var result = await RunAsync("""{ "expect": { "event": "siren.on" } }, { "expect": { "event": "siren.on" } }""");

        Assert.Equal([StepOutcome.Passed, StepOutcome.Failed], result.Steps.Select(s => s.Outcome));
        Assert.Equal("not seen (saw nothing since the last match)", result.Steps[1].Message);
    }

    [Fact]
    public async Task RunAsync_EventBeforeTheCursor_IsNotMatched()
    {
        _target.Emit("entry.started", "front-door");
        _target.Emit("alarm.intrusion", "front-door");

        var result = await RunAsync("""
            { "expect": { "event": "alarm.intrusion" } },
            { "expect": { "event": "entry.started" } }
            """);

        Assert.Equal([StepOutcome.Passed, StepOutcome.Failed], result.Steps.Select(s => s.Outcome));
    }

    [Fact]
    public async Task RunAsync_ExpectFieldsDiffer_DoesNotMatch()
    {
        _target.Emit("disarmed", user: 2);

        var result = await RunAsync("""{ "expect": { "event": "disarmed", "user": 1 } }""");

        Assert.Equal("not seen (saw: disarmed user=2 @00:00:00)", result.Steps[0].Message);
    }

    [Fact]
    public async Task RunAsync_ExpectNoneAndNothingHappens_PassesAfterTheWholeWindow()
    {
        _target.Schedule(TimeSpan.FromSeconds(31), "alarm.intrusion", "front-door");

        var result = await RunAsync("""{ "expectNone": { "event": "alarm.intrusion" }, "for": "PT29S" }""");

        Assert.True(result.Passed);
        Assert.Equal(TimeSpan.FromSeconds(29), _target.Now - FakeScenarioTarget.Epoch);
        Assert.Equal(290, _target.Advances.Count);
    }

    [Fact]
    public async Task RunAsync_ExpectNoneAndEventDuringTheWindow_Fails()
    {
        _target.Schedule(TimeSpan.FromSeconds(30), "alarm.intrusion", "front-door");

        var result = await RunAsync("""{ "expectNone": { "event": "alarm.intrusion" }, "for": "PT31S" }""");

        Assert.Equal(StepOutcome.Failed, result.Steps[0].Outcome);
        Assert.Equal("seen: alarm.intrusion front-door @00:00:30", result.Steps[0].Message);
    }

    [Fact]
    public async Task RunAsync_ExpectNoneAndEventSinceTheCursor_FailsAtOnce()
    {
        _target.Emit("siren.on");

        var result = await RunAsync("""{ "expectNone": { "event": "siren.on" }, "for": "PT10S" }""");

        Assert.Equal(StepOutcome.Failed, result.Steps[0].Outcome);
        Assert.Empty(_target.Advances);
    }

    [Fact]
    public async Task RunAsync_ExpectNone_DoesNotMoveTheCursor()
    {
        _target.Emit("armed.away", user: 1);

        var result = await RunAsync("""
            { "expectNone": { "event": "alarm.intrusion" } },
            { "expect": { "event": "armed.away", "user": 1 } }
            """);

        Assert.True(result.Passed);
    }

    [Fact]
    public async Task RunAsync_LongWindow_TakesAtMostMaxSlices()
    {
        var result = await RunAsync("""{ "expectNone": { "event": "alarm.fire" }, "for": "P1D" }""");

        Assert.True(result.Passed);
        Assert.Equal(StepExecutor.MaxSlices, _target.Advances.Count);
        Assert.Equal(TimeSpan.FromDays(1), _target.Now - FakeScenarioTarget.Epoch);
    }

    [Fact]
    public async Task RunAsync_UnknownFigure_FailsNamingIt()
    {
        var result = await RunAsync("""{ "check": "images.count", "equals": 0 }""");

        Assert.Equal(StepOutcome.Failed, result.Steps[0].Outcome);
        Assert.Equal("unknown figure \"images.count\"", result.Steps[0].Message);
    }

    [Fact]
    public async Task RunAsync_FailingStep_SkipsTheRestWithoutCallingTheTarget()
    {
        var result = await RunAsync("""
            { "advance": "PT1S" },
            { "expect": { "event": "armed.away" } },
            { "disarm": "258013" },
            { "advance": "PT1S" }
            """);

        Assert.Equal(
            [StepOutcome.Passed, StepOutcome.Failed, StepOutcome.Skipped, StepOutcome.Skipped],
            result.Steps.Select(s => s.Outcome));
        Assert.Equal("skipped: step 2 failed", result.Steps[3].Message);
        Assert.Equal(["advance 00:00:01"], _target.Calls);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task RunAsync_TargetThrows_FailsThatStepWithTheMessage()
    {
        _target.ThrowNext = new InvalidOperationException("keypad not responding");

        var result = await RunAsync("""{ "arm": "away", "code": "258013" }, { "advance": "PT1S" }""");

        Assert.Equal([StepOutcome.Failed, StepOutcome.Skipped], result.Steps.Select(s => s.Outcome));
        Assert.Equal("InvalidOperationException: keypad not responding", result.Steps[0].Message);
    }

    [Fact]
    public async Task RunAsync_TargetMessageHoldsACode_IsMasked()
    {
        _target.ThrowNext = new InvalidOperationException("code 258013 refused");

        var result = await RunAsync("""{ "disarm": "258013" }""");

        Assert.Equal("InvalidOperationException: code ****** refused", result.Steps[0].Message);
    }

    [Fact]
    public async Task RunAsync_Commands_ReachTheTarget()
    {
        var result = await RunAsync("""
            { "arm": "home", "code": "741852", "bypass": ["living-room-window", "back-door"] },
            { "zone": "panel-tamper", "state": "tamper" },
            { "zone": "water-leak", "state": "fault" },
            { "restart": true },
            { "restart": true, "hard": true },
            { "disarm": "369147" }
            """);

        Assert.True(result.Passed);
        Assert.Equal(
            ["arm Home bypass=living-room-window,back-door", $"zone panel-tamper {ZoneCondition.Tamper}",
             $"zone water-leak {ZoneCondition.Fault}", "restart", "restart hard", "disarm"],
            _target.Calls);
        Assert.Equal(["741852", "369147"], _target.CodesEntered);
    }

    [Fact]
    public async Task RunAsync_AdvanceMonths_IsACalendarPeriodFromTheTargetDate()
    {
        var target = new FakeScenarioTarget(new DateTimeOffset(2025, 1, 31, 0, 0, 0, TimeSpan.Zero));

        await new ScenarioRunner().RunAsync(ScenarioJson.Parse("""{ "advance": "P1M" }, { "advance": "P1Y" }"""), target, default);

        Assert.Equal([TimeSpan.FromDays(28), TimeSpan.FromDays(365)], target.Advances);
    }

    [Fact]
    public async Task RunAsync_StepTimes_AreVirtualTimeSinceStartWhenTheStepBegan()
    {
        var result = await RunAsync("""{ "advance": "PT31S" }, { "advance": "P1D" }, { "restart": true }""");

        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromSeconds(31), TimeSpan.FromSeconds(31) + TimeSpan.FromDays(1)],
            result.Steps.Select(s => s.At));
    }

    [Fact]
    public async Task RunAsync_FromFile_UsesTheResolvedPanelAndDisposesTheTarget()
    {
        var factory = new FakeTargetFactory();
        var file = new ScenarioFile("s.json", ScenarioJson.Parse("""{ "advance": "PT1S" }"""), "/panels/villa.json");

        var result = await new ScenarioRunner().RunAsync(file, factory, default);

        Assert.True(result.Passed);
        Assert.Equal("s.json", result.Source);
        Assert.Equal(["/panels/villa.json"], factory.PanelPaths);
        Assert.True(Assert.Single(factory.Created).Disposed);
    }

    [Fact]
    public async Task RunAsync_TargetCannotStart_EveryStepSkippedAndScenarioFails()
    {
        var factory = new FakeTargetFactory { Throw = new IOException("panel file unreadable") };
        var file = new ScenarioFile("s.json", ScenarioJson.Parse("""{ "advance": "PT1S" }"""), "/p.json");

        var result = await new ScenarioRunner().RunAsync(file, factory, default);

        Assert.False(result.Passed);
        Assert.Equal("IOException: panel file unreadable", result.SetupError);
        Assert.Equal(StepOutcome.Skipped, Assert.Single(result.Steps).Outcome);
    }

    private Task<ScenarioResult> RunAsync(string steps) =>
        new ScenarioRunner().RunAsync(ScenarioJson.Parse(steps), _target, default);
}
