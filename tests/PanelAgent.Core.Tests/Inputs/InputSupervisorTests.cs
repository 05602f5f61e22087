using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using PanelAgent.Core.Inputs;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Tests.Inputs;

/// <summary>The periodic re-read never takes the process down, and never runs after the runtime stopped it.</summary>
public sealed class InputSupervisorTests : IDisposable
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
    private readonly IZoneInputs _inputs = Substitute.For<IZoneInputs>();
    private readonly InputPump _pump;

    public InputSupervisorTests()
    {
        _pump = new InputPump([new ZoneDefinition("front-door", ZoneType.Entry, null, TimeSpan.Zero)], _time, 16, _ => { });
        _inputs.ReadAll().Returns([]);
    }

    [Fact]
    public void TimerReread_ThatThrows_IsCountedAndTheTimerKeepsGoing()
    {
        using var supervisor = new InputSupervisor(_inputs, _pump, s_interval, _time);
        var calls = 0;
        _inputs.ReadAll().Returns(_ => ++calls == 1 ? throw new ObjectDisposedException("store") : []);
        supervisor.Start();

        _time.Advance(s_interval);
        _time.Advance(s_interval);

        Assert.Equal(1, supervisor.Faults);
        Assert.Equal(1, supervisor.Runs);
    }

    [Fact]
    public void Run_AfterDispose_ReadsNothing()
    {
        var supervisor = new InputSupervisor(_inputs, _pump, s_interval, _time);
        supervisor.Start();
        supervisor.Dispose();

        supervisor.Run();
        _time.Advance(s_interval * 3);

        _inputs.DidNotReceive().ReadAll();
        Assert.Equal(0, supervisor.Runs);
    }

    public void Dispose() => _pump.Dispose();
}
