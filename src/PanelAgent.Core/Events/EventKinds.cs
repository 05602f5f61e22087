namespace PanelAgent.Core.Events;

/// <summary>The event names of the scenario contract and the wire. Strings, because they are the contract.</summary>
public static class EventKinds
{
    public const string ArmedAway = "armed.away";
    public const string ArmedHome = "armed.home";
    public const string Disarmed = "disarmed";
    public const string ArmRefused = "arm.refused";
    public const string ZoneBypassed = "zone.bypassed";
    public const string EntryStarted = "entry.started";
    public const string ExitStarted = "exit.started";
    public const string AlarmIntrusion = "alarm.intrusion";
    public const string AlarmFire = "alarm.fire";
    public const string AlarmPanic = "alarm.panic";
    public const string AlarmSilent = "alarm.silent";
    public const string AlarmDuress = "alarm.duress";
    public const string AlarmTamper = "alarm.tamper";
    public const string AlarmCancelled = "alarm.cancelled";
    public const string ZoneRestored = "zone.restored";
    public const string CodeLockout = "code.lockout";
    public const string CodeChanged = "code.changed";
    public const string SirenOn = "siren.on";
    public const string SirenOff = "siren.off";
    public const string DoorLocked = "lock.locked";
    public const string DoorUnlocked = "lock.unlocked";
    public const string PlugOn = "plug.on";
    public const string PlugOff = "plug.off";

    /// <summary>The panel's answer to a station command (issue 3 §5): detail <c>&lt;command&gt;:&lt;id&gt;[:&lt;why&gt;]</c>.</summary>
    public const string CommandAccepted = "command.accepted";
    public const string CommandRefused = "command.refused";

    /// <summary>The prefix of trouble events: <c>trouble.&lt;kind&gt;</c> and <c>trouble.&lt;kind&gt;.restored</c>.</summary>
    public const string TroublePrefix = "trouble.";
    public const string RestoredSuffix = ".restored";

    public static string Trouble(string kind) => TroublePrefix + kind;

    public static string TroubleRestored(string kind) => TroublePrefix + kind + RestoredSuffix;
}
