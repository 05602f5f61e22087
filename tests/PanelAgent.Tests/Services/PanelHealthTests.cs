using PanelAgent.Core.Engine;
using PanelAgent.Core.State;
using PanelAgent.Runtime;
using PanelAgent.Services;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Services;

/// <summary>PanelHealth on a real runtime (simulated board, virtual clock). sim-villa re-reads every 5 s.</summary>
public sealed class PanelHealthTests : IDisposable
{
    private static readonly TimeSpan s_reread = TimeSpan.FromSeconds(5);
    private readonly SimulatedPanel _panel = new();
    private readonly RuntimeHolder _holder = new();
    private readonly PanelHealth _health;

    public PanelHealthTests()
    {
        Assert.Equal(s_reread, _panel.Config.Hardware.RereadInterval);
        _health = new PanelHealth(_holder, _panel.Time, s_reread);
    }

    [Fact]
    public void IsAlive_BeforeStart_False()
    {
        Assert.False(_health.IsAlive());
    }

    [Fact]
    public void IsAlive_AfterStart_True()
    {
        _holder.Runtime = _panel.Start();

        Assert.True(_health.IsAlive());
    }

    [Fact]
    public void IsAlive_SupervisorRereading_StaysAliveForAsLongAsItRuns()
    {
        _holder.Runtime = _panel.Start();

        for (var second = 0; second < 120; second++)
        {
            _panel.Advance(TimeSpan.FromSeconds(1));
            Assert.True(_health.IsAlive(), $"not alive after {second + 1} s");
        }

        Assert.True(_panel.Runtime!.Supervisor.Runs >= 23);
    }

    /// <summary>
    /// A stuck input side is a supervisor that stops completing re-reads. Disposing its timer stops it the same way
    /// (a re-read that throws never re-arms the timer either), while the virtual clock keeps running.
    /// </summary>
    [Fact]
    public void IsAlive_SupervisorStoppedForMoreThanThreeIntervals_FalseUntilItRunsAgain()
    {
        var runtime = _panel.Start();
        _holder.Runtime = runtime;
        Assert.True(_health.IsAlive());
        runtime.Supervisor.Pause();
        var runs = runtime.Supervisor.Runs;

        _panel.Advance((s_reread * 3) + TimeSpan.FromSeconds(1));
        Assert.Equal(runs, runtime.Supervisor.Runs);
        Assert.True(_health.IsAlive(), "three intervals and a second of grace");
        _panel.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(_health.IsAlive());

        runtime.Supervisor.Run();
        Assert.True(_health.IsAlive());
    }

    /// <summary>An observer runs under the engine's lock: one that blocks stands in for a stuck engine.</summary>
    [Fact]
    public async Task IsAlive_EngineLockHeld_False()
    {
        var runtime = _panel.Start();
        _holder.Runtime = runtime;
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        _panel.OnEvent = _ =>
        {
            inside.Set();
            release.Wait(TimeSpan.FromSeconds(30));
        };

        var arming = Task.Run(() => runtime.Panel.EnterCode(SimVilla.UserCode, KeypadAction.ArmIn(ArmMode.Away)));
        try
        {
            Assert.True(inside.Wait(TimeSpan.FromSeconds(30)), "the engine never raised exit.started");
            Assert.False(_health.IsAlive());
        }
        finally
        {
            release.Set();
            _panel.OnEvent = null;
        }

        Assert.Equal(KeypadOutcome.Accepted, await arming.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(_health.IsAlive());
    }

    public void Dispose() => _panel.Dispose();
}
