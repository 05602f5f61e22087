using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.State;

namespace PanelAgent.Core.Tests.Engine;

public class AlarmEngineTests
{
    [Theory]
    // Arming and the exit delay
    [InlineData("arm:away +29s +1s", "exit-delay exit-delay armed-away")]
    [InlineData("arm:home +30s", "exit-delay armed-home")]
    [InlineData("arm:away open:living-room-pir +30s", "exit-delay exit-delay alarm")]
    [InlineData("arm:away open:front-door +30s", "exit-delay exit-delay entry-delay")]
    [InlineData("arm:away open:front-door close:front-door +30s", "exit-delay exit-delay exit-delay armed-away")]
    [InlineData("arm:away disarm", "exit-delay disarmed")]
    // Entry delay: disarm in time or not
    [InlineData("arm:away +30s open:front-door +29s disarm", "exit-delay armed-away entry-delay entry-delay disarmed")]
    [InlineData("arm:away +30s open:front-door +30s", "exit-delay armed-away entry-delay alarm")]
    [InlineData("arm:away +30s open:back-door open:hall-pir +29s", "exit-delay armed-away entry-delay entry-delay entry-delay")]
    [InlineData("arm:away +30s open:front-door open:living-room-window", "exit-delay armed-away entry-delay alarm")]
    // Instant zones per mode
    [InlineData("arm:away +30s open:living-room-window", "exit-delay armed-away alarm")]
    [InlineData("arm:away +30s open:hall-pir", "exit-delay armed-away alarm")]
    [InlineData("arm:home +30s open:hall-pir open:living-room-pir", "exit-delay armed-home armed-home armed-home")]
    [InlineData("arm:home +30s open:living-room-window", "exit-delay armed-home alarm")]
    // Alarm lasts until disarm, whatever the siren does
    [InlineData("arm:away +30s open:living-room-window +3m disarm", "exit-delay armed-away alarm alarm disarmed")]
    // Bypass
    [InlineData("open:living-room-window arm:away:bypass=living-room-window +30s", "disarmed exit-delay armed-away")]
    [InlineData("arm:away:bypass=hall-pir +30s open:hall-pir", "exit-delay armed-away armed-away")]
    // 24 h zones in every state
    [InlineData("open:kitchen-smoke disarm", "alarm disarmed")]
    [InlineData("arm:home +30s open:bedroom-panic disarm", "exit-delay armed-home alarm disarmed")]
    [InlineData("open:voice-unit", "disarmed")]
    [InlineData("arm:away +30s open:voice-unit", "exit-delay armed-away armed-away")]
    [InlineData("open:mains", "disarmed")]
    // Tamper: trouble while disarmed, alarm while set
    [InlineData("tamper:hall-pir", "disarmed")]
    [InlineData("arm:away tamper:hall-pir", "exit-delay alarm")]
    [InlineData("arm:home +30s open:panel-tamper", "exit-delay armed-home alarm")]
    // Duress disarms like any code
    [InlineData("arm:away +30s open:front-door duress", "exit-delay armed-away entry-delay disarmed")]
    // Reboot mid-delay and mid-alarm: the persisted state carries on
    [InlineData("arm:away +30s open:front-door +10s reboot +20s", "exit-delay armed-away entry-delay entry-delay entry-delay alarm")]
    [InlineData("arm:away +10s reboot +20s", "exit-delay exit-delay exit-delay armed-away")]
    [InlineData("arm:away +30s open:living-room-window reboot +3m disarm", "exit-delay armed-away alarm alarm alarm disarmed")]
    public void Decide_Script_FollowsExactChainOfStates(string script, string expected)
    {
        var engine = new EngineScript();

        var phases = engine.Run(script.Split(' '));

        Assert.Equal(expected.Split(' '), phases);
    }

    [Fact]
    public void Decide_ArmWithOpenZone_RefusesNamingTheZone()
    {
        var engine = new EngineScript();
        engine.Run("open:living-room-window", "open:back-door", "arm:away");

        var refused = Assert.Single(engine.Events, e => e.Kind == EventKinds.ArmRefused);
        Assert.Equal("back-door", refused.Zone);
        Assert.Equal("back-door,living-room-window", refused.Detail);
        Assert.Equal(PanelPhase.Disarmed, engine.State.Phase);
    }

    [Fact]
    public void Decide_ArmHomeWithInteriorOpen_Arms()
    {
        var engine = new EngineScript();

        engine.Run("open:living-room-pir", "arm:home", "+30s");

        Assert.Equal(PanelPhase.ArmedHome, engine.State.Phase);
    }

    [Fact]
    public void Decide_BypassOfFireZone_IsRefused()
    {
        var engine = new EngineScript();

        engine.Run("arm:away:bypass=kitchen-smoke");

        Assert.Contains(engine.Events, e => e.Kind == EventKinds.ArmRefused && e.Detail!.StartsWith("not-bypassable", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_Burglary_EmitsEventsInOrder()
    {
        var engine = new EngineScript();

        engine.Run("arm:away", "+30s", "open:front-door", "+30s", "disarm");

        Assert.Equal(
            ["exit.started", "armed.away", "lock.locked", "plug.off", "entry.started@front-door",
             "alarm.intrusion@front-door", "siren.on", "disarmed", "alarm.cancelled", "siren.off", "lock.unlocked", "plug.on"],
            engine.Kinds());
    }

    [Fact]
    public void Decide_SirenCutoff_StopsSirenButKeepsAlarmAndDoesNotRestart()
    {
        var engine = new EngineScript();
        engine.Run("arm:away", "+30s", "open:living-room-window", "+3m", "open:hall-pir");

        Assert.Equal(PanelPhase.Alarm, engine.State.Phase);
        Assert.Null(engine.State.SirenUntil);
        Assert.Equal(1, engine.Events.Count(e => e.Kind == EventKinds.SirenOn));
        Assert.Contains(engine.Events, e => e.Kind == EventKinds.AlarmIntrusion && e.Zone == "hall-pir");
    }

    [Fact]
    public void Decide_SameZoneTwiceInAlarm_IsOneAlarm()
    {
        var engine = new EngineScript();

        engine.Run("arm:away", "+30s", "open:hall-pir", "close:hall-pir", "open:hall-pir");

        Assert.Equal(1, engine.Events.Count(e => e.Kind == EventKinds.AlarmIntrusion));
        Assert.Contains(engine.Events, e => e.Kind == EventKinds.ZoneRestored && e.Zone == "hall-pir");
    }

    [Fact]
    public void Decide_SilentAlarm_HasNoSirenAndNoLocalSign()
    {
        var engine = new EngineScript();

        engine.Run("open:voice-unit");

        Assert.Equal(["alarm.silent@voice-unit"], engine.Kinds());
        Assert.Null(engine.State.SirenUntil);
        Assert.Equal(PanelPhase.Disarmed, engine.State.Phase);
    }

    [Fact]
    public void Decide_Duress_DisarmsAndSendsDuressWithoutSiren()
    {
        var engine = new EngineScript();

        engine.Run("arm:away", "+30s", "duress");

        Assert.Equal(PanelPhase.Disarmed, engine.State.Phase);
        Assert.Contains(engine.Events, e => e.Kind == EventKinds.AlarmDuress && e.User == 9);
        Assert.DoesNotContain(engine.Events, e => e.Kind == EventKinds.SirenOn);
    }

    [Fact]
    public void Decide_TamperWhileDisarmed_IsTroubleAndRestores()
    {
        var engine = new EngineScript();

        engine.Run("tamper:hall-pir", "close:hall-pir");

        Assert.Equal(["trouble.tamper@hall-pir", "trouble.tamper.restored@hall-pir"], engine.Kinds());
    }

    [Fact]
    public void Decide_TechnicalZone_RaisesTroubleOnceAndRestores()
    {
        var engine = new EngineScript();

        engine.Run("open:mains", "close:mains", "open:mains");

        Assert.Equal(["trouble.mains@mains", "trouble.mains.restored@mains", "trouble.mains@mains"], engine.Kinds());
    }

    [Fact]
    public void Decide_FaultedZone_IsDetectorTroubleAndBlocksArming()
    {
        var engine = new EngineScript();

        engine.Run("fault:hall-pir", "arm:away");

        Assert.Equal(["trouble.detector@hall-pir", "arm.refused@hall-pir"], engine.Kinds());
    }

    [Theory]
    [InlineData(2, 10, 90)]
    [InlineData(2, 11, 90)]
    [InlineData(3, 10, 90)]
    [InlineData(3, 12, 270)]
    public void Decide_WrongCodes_LockTheKeypad(int grade, int wrong, int expectedSeconds)
    {
        var engine = new EngineScript(EngineScript.Villa(grade));

        engine.Run([.. Enumerable.Repeat("wrong", wrong)]);

        var lockout = engine.Events.Last(e => e.Kind == EventKinds.CodeLockout);
        Assert.Equal(expectedSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), lockout.Detail);
        Assert.Equal(EngineScript.Start.AddSeconds(expectedSeconds), engine.State.Lockout.LockedUntil);
    }

    [Fact]
    public void Decide_NineWrongCodes_DoNotLock()
    {
        var engine = new EngineScript();

        engine.Run([.. Enumerable.Repeat("wrong", 9)]);

        Assert.Null(engine.State.Lockout.LockedUntil);
        Assert.DoesNotContain(engine.Events, e => e.Kind == EventKinds.CodeLockout);
    }

    [Fact]
    public void Decide_WhileLocked_RightCodeIsRefused_AfterLockItWorks()
    {
        var engine = new EngineScript();
        engine.Run([.. Enumerable.Repeat("wrong", 10), "arm:away"]);
        Assert.Equal(PanelPhase.Disarmed, engine.State.Phase);

        engine.Run("+90s", "arm:away");

        Assert.Equal(PanelPhase.ExitDelay, engine.State.Phase);
        Assert.Equal(0, engine.State.Lockout.WrongInARow);
    }

    [Fact]
    public void Decide_PairNotInTable_IsIgnored()
    {
        var engine = new AlarmEngine(EngineScript.Villa());
        var armed = PanelState.Initial with { Phase = PanelPhase.ArmedAway, Armed = true };

        Assert.False(engine.IsHandled(PanelPhase.ArmedAway, new ArmRequested(1, ArmMode.Away, [])));
        var decision = engine.Decide(armed, new ArmRequested(1, ArmMode.Away, []), EngineScript.Start,
            new Dictionary<string, Zones.ZoneCondition>());
        Assert.Same(armed, decision.Next);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Decide_FireWhileDisarmed_DoesNotArmTheDoors()
    {
        var engine = new EngineScript();

        engine.Run("open:kitchen-smoke", "open:front-door", "open:living-room-window");

        Assert.Equal(["alarm.fire@kitchen-smoke", "siren.on"], engine.Kinds());
    }
}
