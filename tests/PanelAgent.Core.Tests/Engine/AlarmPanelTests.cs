using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using PanelAgent.Core.Codes;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Tests.Engine;

public class AlarmPanelTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(EngineScript.Start);
    private readonly IEventStore _store = Substitute.For<IEventStore>();
    private readonly IPanelOutputs _outputs = Substitute.For<IPanelOutputs>();
    private readonly Dictionary<string, ZoneCondition> _zones = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<PanelEvent> _raised = [];
    private readonly AlarmPanel _panel;

    public AlarmPanelTests()
    {
        var keypad = new Keypad(new CodeHasher(RandomNumberGenerator.GetBytes(32), CodeHasher.MinIterations), grade: 2);
        keypad.TryEnrol(1, null, "258013", duress: false, out _);
        _outputs.TrySet(Arg.Any<OutputKind>(), Arg.Any<bool>()).Returns(true);
        _store.When(s => s.Commit(Arg.Any<IReadOnlyList<PanelEvent>>(), Arg.Any<PanelState>()))
            .Do(c => _order.Add("commit:" + string.Join(',', c.Arg<IReadOnlyList<PanelEvent>>().Select(e => e.Kind))));
        _outputs.When(o => o.TrySet(OutputKind.Siren, true)).Do(_ => _order.Add("siren"));
        _panel = new AlarmPanel(new AlarmEngine(EngineScript.Villa()), _store, _outputs, keypad,
            new PanelServices(_time, NullLogger.Instance, () => _zones, PanelState.Initial));
        _panel.EventRaised += _raised.Add;
        _panel.Resume();
    }

    public void Dispose()
    {
        _panel.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Handle_Alarm_PersistsBeforeTheSirenSounds()
    {
        ArmAway();
        _order.Clear();

        Open("living-room-window");

        Assert.Equal(["commit:alarm.intrusion,siren.on", "siren"], _order);
    }

    [Fact]
    public void Handle_StorageFails_AlarmStillSoundsAndTroubleIsRaised()
    {
        ArmAway();
        _store.Commit(Arg.Any<IReadOnlyList<PanelEvent>>(), Arg.Any<PanelState>()).Throws(new StorageUnavailableException("disk full"));

        Open("living-room-window");

        _outputs.Received().TrySet(OutputKind.Siren, true);
        Assert.Equal(PanelPhase.Alarm, _panel.State.Phase);
        Assert.Contains(_raised, e => e.Kind == "trouble.storage");
        Assert.Equal(3, _panel.UnsavedCount); // alarm.intrusion, siren.on, trouble.storage
    }

    [Fact]
    public void Flush_AfterStorageRecovers_WritesHeldEventsInOrderAndRestoresTrouble()
    {
        ArmAway();
        _store.Commit(Arg.Any<IReadOnlyList<PanelEvent>>(), Arg.Any<PanelState>()).Throws(new StorageUnavailableException("disk full"));
        Open("living-room-window");
        var written = new List<string>();
        _store.Commit(Arg.Any<IReadOnlyList<PanelEvent>>(), Arg.Any<PanelState>()).Returns(c =>
        {
            written.AddRange(c.Arg<IReadOnlyList<PanelEvent>>().Select(e => e.Kind));
            return [];
        });

        _panel.Flush();

        Assert.Equal(["alarm.intrusion", "siren.on", "trouble.storage", "trouble.storage.restored"], written);
        Assert.Equal(0, _panel.UnsavedCount);
    }

    [Fact]
    public void Handle_SirenOutputFails_RaisesOutputTrouble()
    {
        ArmAway();
        _outputs.TrySet(OutputKind.Siren, true).Returns(false);

        Open("living-room-window");

        Assert.Contains(_raised, e => e.Kind == "trouble.output" && e.Zone == "siren");
    }

    [Fact]
    public void EnterCode_WrongCode_CountsAndNeverLogsTheCode()
    {
        Assert.Equal(KeypadOutcome.WrongCode, _panel.EnterCode("604918", KeypadAction.Disarm));

        Assert.Equal(1, _panel.State.Lockout.WrongInARow);
        Assert.DoesNotContain(_raised, e => (e.Detail ?? "").Contains("604918", StringComparison.Ordinal));
    }

    [Fact]
    public void EnterCode_WhileLocked_IsRefusedWithoutHashing()
    {
        for (var i = 0; i < 10; i++)
        {
            _panel.EnterCode("604918", KeypadAction.Disarm);
        }

        Assert.Equal(KeypadOutcome.Locked, _panel.EnterCode("258013", KeypadAction.ArmIn(ArmMode.Away)));
        _time.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(KeypadOutcome.Accepted, _panel.EnterCode("258013", KeypadAction.ArmIn(ArmMode.Away)));
    }

    [Fact]
    public void Timer_EntryDelayRunsOut_AlarmsWithoutAnyOtherTrigger()
    {
        ArmAway();
        Open("front-door");

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(PanelPhase.EntryDelay, _panel.State.Phase);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(PanelPhase.Alarm, _panel.State.Phase);
    }

    [Fact]
    public void ResumeInputs_ArmedWithPerimeterOpenAtBoot_Alarms()
    {
        ArmAway();
        _zones["living-room-window"] = ZoneCondition.Active;

        _panel.ResumeInputs(_zones);

        Assert.Equal(PanelPhase.Alarm, _panel.State.Phase);
    }

    [Fact]
    public void EventRaised_ObserverThrows_PanelCarriesOn()
    {
        _panel.EventRaised += _ => throw new InvalidOperationException("observer bug");

        ArmAway();

        Assert.Equal(PanelPhase.ArmedAway, _panel.State.Phase);
    }

    private void ArmAway()
    {
        Assert.Equal(KeypadOutcome.Accepted, _panel.EnterCode("258013", KeypadAction.ArmIn(ArmMode.Away)));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(PanelPhase.ArmedAway, _panel.State.Phase);
    }

    private void Open(string zone)
    {
        _zones[zone] = ZoneCondition.Active;
        _panel.Handle(new ZoneChanged(zone, ZoneCondition.Normal, ZoneCondition.Active));
    }
}
