using Microsoft.Extensions.Time.Testing;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.Inputs;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Tests.Inputs;

public class InputPumpTests
{
    private readonly FakeTimeProvider _time = new(EngineScriptStart);
    private readonly List<Trigger> _triggers = [];

    private static DateTimeOffset EngineScriptStart => new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private InputPump NewPump(TimeSpan debounce, int capacity = 16) => new(
        [new ZoneDefinition("front-door", ZoneType.Entry, null, debounce), new ZoneDefinition("hall-pir", ZoneType.CameraPir, null, debounce)],
        _time, capacity, _triggers.Add);

    private InputEdge Edge(string zone, bool active, InputLine line = InputLine.Detector) =>
        new(zone, line, active, _time.GetTimestamp());

    [Fact]
    public void ProcessPending_ZeroDebounce_ChangesAtOnce()
    {
        using var pump = NewPump(TimeSpan.Zero);

        pump.Post(Edge("front-door", true));
        pump.ProcessPending();

        Assert.Equal([new ZoneChanged("front-door", ZoneCondition.Normal, ZoneCondition.Active)], _triggers);
        Assert.Equal(ZoneCondition.Active, pump.Conditions["front-door"]);
    }

    [Fact]
    public void ProcessPending_LevelHeldForDebounce_IsAcceptedByTimer()
    {
        using var pump = NewPump(TimeSpan.FromMilliseconds(50));
        pump.Post(Edge("front-door", true));
        pump.ProcessPending();
        Assert.Empty(_triggers);

        _time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.Empty(_triggers);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Single(_triggers);
    }

    [Fact]
    public void ProcessPending_PulseShorterThanDebounce_IsIgnored()
    {
        using var pump = NewPump(TimeSpan.FromMilliseconds(50));
        pump.Post(Edge("front-door", true));
        pump.ProcessPending();
        _time.Advance(TimeSpan.FromMilliseconds(20));
        pump.Post(Edge("front-door", false));
        pump.ProcessPending();

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(_triggers);
    }

    [Fact]
    public void ProcessPending_Bounce_SettlesOnLastLevel()
    {
        using var pump = NewPump(TimeSpan.FromMilliseconds(50));
        foreach (var level in new[] { true, false, true, false, true })
        {
            pump.Post(Edge("front-door", level));
            _time.Advance(TimeSpan.FromMilliseconds(5));
        }

        pump.ProcessPending();
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal([new ZoneChanged("front-door", ZoneCondition.Normal, ZoneCondition.Active)], _triggers);
    }

    [Fact]
    public void ProcessPending_TamperOutranksDetector()
    {
        using var pump = NewPump(TimeSpan.Zero);

        pump.Post(Edge("hall-pir", true));
        pump.Post(Edge("hall-pir", true, InputLine.Tamper));
        pump.ProcessPending();

        Assert.Equal(ZoneCondition.Tamper, pump.Conditions["hall-pir"]);
    }

    [Fact]
    public void Post_WhenFull_CountsOverflowAndReconcileRaisesTroubleAndHeals()
    {
        using var pump = NewPump(TimeSpan.Zero, capacity: 2);
        for (var i = 0; i < 5; i++)
        {
            pump.Post(Edge("front-door", i % 2 == 0));
        }

        Assert.Equal(3, pump.Overflowed);
        Assert.True(pump.NeedsReread);
        pump.Reconcile([new InputSample("front-door", InputLine.Detector, true, false)]);

        Assert.Contains(new TroubleChanged(TroubleKinds.Detector, null, true), _triggers);
        Assert.Equal(ZoneCondition.Active, pump.Conditions["front-door"]);
    }

    [Fact]
    public void Reconcile_LostEdge_IsAppliedAndCounted_TwiceRunningRaisesTrouble_CleanRunsRestore()
    {
        using var pump = NewPump(TimeSpan.Zero);

        pump.Reconcile([new InputSample("front-door", InputLine.Detector, true, false)]);
        Assert.Equal(1, pump.LostEdges);
        Assert.Contains(new ZoneChanged("front-door", ZoneCondition.Normal, ZoneCondition.Active), _triggers);
        Assert.DoesNotContain(_triggers, t => t is TroubleChanged);

        pump.Reconcile([new InputSample("front-door", InputLine.Detector, false, false)]);
        Assert.Contains(new TroubleChanged(TroubleKinds.Detector, null, true), _triggers);

        for (var i = 0; i < 3; i++)
        {
            pump.Reconcile([new InputSample("front-door", InputLine.Detector, false, false)]);
        }

        Assert.Contains(new TroubleChanged(TroubleKinds.Detector, null, false), _triggers);
    }

    [Fact]
    public void Reconcile_SampleReadBeforeANewerEdge_IsStaleAndDoesNotUndoTheEdge()
    {
        using var pump = NewPump(TimeSpan.Zero);
        pump.Post(Edge("front-door", true));
        pump.ProcessPending();
        var readStarted = _time.GetTimestamp();
        var sample = new InputSample("front-door", InputLine.Detector, true, false); // read while still open
        _time.Advance(TimeSpan.FromMilliseconds(1));
        pump.Post(Edge("front-door", false)); // closed after the read, before the re-read is applied

        pump.Reconcile([sample], readStarted);

        Assert.Equal(ZoneCondition.Normal, pump.Conditions["front-door"]);
        Assert.Equal(0, pump.LostEdges);
        Assert.Equal(
            [new ZoneChanged("front-door", ZoneCondition.Normal, ZoneCondition.Active), new ZoneChanged("front-door", ZoneCondition.Active, ZoneCondition.Normal)],
            _triggers);
    }

    [Fact]
    public void Reconcile_FaultedSample_FaultsTheZoneUntilReadable()
    {
        using var pump = NewPump(TimeSpan.Zero);

        pump.Reconcile([new InputSample("hall-pir", InputLine.Detector, false, true)]);
        Assert.Equal(ZoneCondition.Fault, pump.Conditions["hall-pir"]);

        pump.Reconcile([new InputSample("hall-pir", InputLine.Detector, false, false)]);
        Assert.Equal(ZoneCondition.Normal, pump.Conditions["hall-pir"]);
        Assert.Equal(
            [new ZoneChanged("hall-pir", ZoneCondition.Normal, ZoneCondition.Fault), new ZoneChanged("hall-pir", ZoneCondition.Fault, ZoneCondition.Normal)],
            _triggers);
    }

    [Fact]
    public void Seed_TakesLevelsWithoutEvents()
    {
        using var pump = NewPump(TimeSpan.FromMilliseconds(50));

        pump.Seed([new InputSample("front-door", InputLine.Detector, true, false)]);

        Assert.Equal(ZoneCondition.Active, pump.Conditions["front-door"]);
        Assert.Empty(_triggers);
    }
}
