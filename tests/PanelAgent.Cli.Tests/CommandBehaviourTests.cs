using PanelAgent.Cli.Tests.Support;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Privacy;
using PanelAgent.Core.State;

namespace PanelAgent.Cli.Tests;

/// <summary>What panelctl does beyond printing: usage errors, refusals, code changes, the access log, the restriction.</summary>
public sealed class CommandBehaviourTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("status", "--frobnicate")]
    [InlineData("users", "add")]
    [InlineData("events", "--log", "everything")]
    [InlineData("privacy", "export")]
    public async Task Parse_UnknownCommandOrBadOption_UsageExit64WithoutConnecting(params string[] args)
    {
        var run = new CliRun();

        run.ExitCode = await PanelCtl.RunAsync([.. args, "--socket", "/nonexistent/d.sock"], run.Out, run.Err, new StringReader(""));

        Assert.Equal(CliExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("panelctl: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NoAgent_Exit69SaysWhere()
    {
        var run = new CliRun();

        run.ExitCode = await PanelCtl.RunAsync(["status", "--socket", "/nonexistent/d.sock"], run.Out, run.Err, new StringReader(""));

        Assert.Equal(CliExitCodes.Unavailable, run.ExitCode);
        Assert.Contains("/nonexistent/d.sock", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersChangeCode_WrongOldCode_RefusedCountedAndLogged()
    {
        await using var harness = DiagnosticsHarness.Start();

        var wrong = await harness.RunWithInputAsync("111222\n593017\n", "users", "change-code", "1");
        var right = await harness.RunWithInputAsync($"{SyntheticHousehold.UserCode}\n593017\n", "users", "change-code", "1");

        Assert.Equal(CliExitCodes.Refused, wrong.ExitCode);
        Assert.Equal(1, harness.Runtime.Panel.State.Lockout.WrongInARow);
        Assert.Equal(0, right.ExitCode);
        Assert.Equal("code of user 1 changed\n", right.Stdout);
        Assert.NotNull(harness.Runtime.Keypad.Identify("593017"));
        var entries = harness.Privacy.Store!.ReadAccessLog().Select(e => e.Entry).ToList();
        Assert.Contains(entries, e => e is { Action: AccessActions.CodeChanged, Actor: "panel", Subject: "user:1" });
        Assert.DoesNotContain(entries, e => $"{e.Subject} {e.Detail}".Contains("593017", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsersAddRemove_WeakCodeRefused_GoodCodeAddedThenRemoved()
    {
        await using var harness = DiagnosticsHarness.Start();

        var weak = await harness.RunWithInputAsync("123456\n", "users", "add", "6");
        var added = await harness.RunWithInputAsync("604918\n", "users", "add", "6", "--label", "Bo Synthetic");
        var removed = await harness.RunAsync("users", "remove", "6");

        Assert.Equal(CliExitCodes.Refused, weak.ExitCode);
        Assert.Equal((0, 0), (added.ExitCode, removed.ExitCode));
        Assert.False(harness.Runtime.Keypad.Contains(6));
        Assert.DoesNotContain(harness.Runtime.Store.LoadUsers(), u => u.Number == 6);
        var actions = harness.Privacy.Store!.ReadAccessLog().Select(e => (e.Entry.Action, e.Entry.Subject)).ToList();
        Assert.Contains((AccessActions.UserAdded, "user:6"), actions);
        Assert.Contains((AccessActions.UserRemoved, "user:6"), actions);
    }

    [Fact]
    public async Task WalkTest_PanelArmed_RefusedExit3()
    {
        await using var harness = DiagnosticsHarness.Start();
        harness.Runtime.Panel.EnterCode(SyntheticHousehold.UserCode, KeypadAction.ArmIn(ArmMode.Away));

        var run = await harness.RunAsync("walk-test", "--duration", "5");

        Assert.Equal(CliExitCodes.Refused, run.ExitCode);
        Assert.Contains("only while the panel is disarmed", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WalkTest_PanelArmedDuringTheTest_EndsAtOnce()
    {
        await using var harness = DiagnosticsHarness.Start();
        var (run, done) = harness.Launch("", "walk-test", "--duration", "600");
        await GoldenOutputTests.WaitForAsync(run, "started");

        harness.Runtime.Panel.EnterCode(SyntheticHousehold.UserCode, KeypadAction.ArmIn(ArmMode.Away));
        await done.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("walk test ended: the panel was armed", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivacyRestrict_Persisted_ThroughThePort()
    {
        await using var harness = DiagnosticsHarness.Start();

        await harness.RunAsync("privacy", "restrict");

        Assert.True(harness.Privacy.CaptureRestricted);
        Assert.True(harness.Privacy.Store!.CaptureRestricted);
        await harness.RunAsync("privacy", "lift");
        Assert.False(harness.Privacy.CaptureRestricted);
    }

    [Fact]
    public async Task StationCommand_PrivacyRestrict_RunsAsStation()
    {
        await using var harness = DiagnosticsHarness.Start();

        var handled = harness.Context.Rights.TryHandleStationCommand("privacy.restrict", out var result);
        var unknown = harness.Context.Rights.TryHandleStationCommand("siren.on", out _);

        Assert.True(handled);
        Assert.False(unknown);
        Assert.Equal(true, (bool?)result!["captureRestricted"]);
        var entries = harness.Privacy.Store!.ReadAccessLog().Select(e => (e.Entry.Actor, e.Entry.Action)).ToList();
        // The command itself (id, outcome) is the station command executor's entry: StationRemoteActionsTests.
        Assert.Equal([("station", AccessActions.PrivacyRestricted)], entries);
    }
}
