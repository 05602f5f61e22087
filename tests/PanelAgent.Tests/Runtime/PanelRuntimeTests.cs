using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Runtime;

public sealed class PanelRuntimeTests : IDisposable
{
    private readonly SimulatedPanel _panel = new();

    [Fact]
    public void Start_ArmedAwayAndDoorOpenedWhileOff_ResumesArmedThenEntryDelayThenAlarm()
    {
        var first = _panel.Start();
        Assert.Equal(KeypadOutcome.Accepted, first.Panel.EnterCode(SimVilla.UserCode, KeypadAction.ArmIn(ArmMode.Away)));
        _panel.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(PanelPhase.ArmedAway, first.Panel.State.Phase);
        _panel.Stop();

        // Power off; someone opens the front door; power back on.
        _panel.Board.Board.SetZone("front-door", ZoneCondition.Active);
        _panel.ClearEvents();
        var second = _panel.Start();

        // The state was loaded before the inputs were opened: the open door is an entry into an armed house.
        Assert.Equal(PanelPhase.EntryDelay, second.Panel.State.Phase);
        Assert.True(second.Panel.State.Armed);
        Assert.Equal(new PanelEvent(EventKinds.EntryStarted, _panel.Time.GetUtcNow(), "front-door"), Assert.Single(_panel.Events));
        Assert.True(_panel.Board.Board.IsOutputOn(OutputKind.DoorLock), "the door lock resumes locked");
        Assert.False(_panel.Board.Board.IsOutputOn(OutputKind.Siren));

        _panel.Advance(TimeSpan.FromSeconds(29));
        Assert.DoesNotContain(EventKinds.AlarmIntrusion, _panel.Kinds);
        _panel.Advance(TimeSpan.FromSeconds(1));

        Assert.Contains(_panel.Events, e => e is { Kind: EventKinds.AlarmIntrusion, Zone: "front-door" });
        Assert.Equal(PanelPhase.Alarm, second.Panel.State.Phase);
        Assert.True(_panel.Board.Board.IsOutputOn(OutputKind.Siren));
        var logged = second.Store.ReadEvents(0, 100).Select(e => e.Event.Kind).ToList();
        Assert.Equal(
            [EventKinds.ExitStarted, EventKinds.ArmedAway, EventKinds.EntryStarted, EventKinds.AlarmIntrusion],
            logged.Where(k => k is EventKinds.ExitStarted or EventKinds.ArmedAway or EventKinds.EntryStarted or EventKinds.AlarmIntrusion));
    }

    [Fact]
    public void Start_ArmedAwayAndNothingOpenedWhileOff_ResumesArmedQuietly()
    {
        var first = _panel.Start();
        first.Panel.EnterCode(SimVilla.UserCode, KeypadAction.ArmIn(ArmMode.Away));
        _panel.Advance(TimeSpan.FromSeconds(31));
        _panel.Stop();
        _panel.ClearEvents();

        var second = _panel.Start();
        _panel.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(PanelPhase.ArmedAway, second.Panel.State.Phase);
        Assert.Empty(_panel.Events);
    }

    [Fact]
    public void Start_CorruptDatabase_QuarantinesItRaisesStorageTroubleAndStillArms()
    {
        var garbage = new byte[8192];
        new Random(50131).NextBytes(garbage);
        File.WriteAllBytes(_panel.DatabasePath, garbage);

        var runtime = _panel.Start();

        Assert.Contains(_panel.Events, e => e.Kind == EventKinds.Trouble(TroubleKinds.Storage));
        var quarantined = Assert.Single(Directory.GetFiles(_panel.DataDirectory, "panel.db.corrupt-*"));
        Assert.Equal(garbage, File.ReadAllBytes(quarantined));
        Assert.True(Assert.IsType<PanelAgent.Storage.SqliteEventStore>(runtime.Store).IntegrityCheck());
        Assert.Contains(runtime.Store.ReadEvents(0, 100), e => e.Event.Kind == EventKinds.Trouble(TroubleKinds.Storage));

        // The users were enrolled again from the configuration into the fresh database: the keypad works.
        Assert.Equal(KeypadOutcome.Accepted, runtime.Panel.EnterCode(SimVilla.UserCode, KeypadAction.ArmIn(ArmMode.Away)));
        _panel.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(PanelPhase.ArmedAway, runtime.Panel.State.Phase);
        Assert.Contains(EventKinds.ArmedAway, _panel.Kinds);
    }

    public void Dispose() => _panel.Dispose();
}
