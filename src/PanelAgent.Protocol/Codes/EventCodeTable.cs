using PanelAgent.Core.Events;

namespace PanelAgent.Protocol.Codes;

/// <summary>
/// Every event kind of Core's vocabulary with its SIA DC-03 code and Contact ID (SIA DC-05) code and qualifier, or
/// marked as not reported, so alarm-station software reads our events in its own vocabulary (issue 3 §2). The same
/// table, with the reasons, is in docs/protocol.md. Codes from the SIA DC-03 event-code list and SIA DC-05 Appendix C
/// (the Contact ID event codes); qualifier 1 = new event or opening (disarm), 3 = restore or closing (arm).
/// </summary>
public static class EventCodeTable
{
    private const ContactIdQualifier New = ContactIdQualifier.NewEvent;
    private const ContactIdQualifier Restore = ContactIdQualifier.Restore;

    /// <summary>Trouble kinds: (kind, SIA trouble, SIA restore, CID event). Restores are the same CID with qualifier 3.</summary>
    private static readonly (string Kind, string Sia, string SiaRestore, int Cid)[] s_troubles =
    [
        (TroubleKinds.Detector, "UT", "UJ", 380),   // untyped zone trouble / restore; CID 380 sensor trouble
        (TroubleKinds.Storage, "YX", "YZ", 300),    // service required / completed; CID 300 system trouble
        (TroubleKinds.Tamper, "TT", "TJ", 383),     // tamper trouble (disarmed) / restore; CID 383 sensor tamper
        (TroubleKinds.Output, "OU", "OV", 320),     // output state trouble / restore; CID 320 sounder/relay
        (TroubleKinds.Comms, "YC", "YK", 350),      // communications fail / restoral; CID 350 communication trouble
        (TechnicalKinds.Mains, "AT", "AR", 301),    // AC trouble / restoral; CID 301 AC loss
        (TechnicalKinds.Battery, "YT", "YR", 302),  // system battery trouble / restoral; CID 302 low system battery
        (TechnicalKinds.Water, "WA", "WR", 154),    // water alarm / restoral; CID 154 water leakage
    ];

    private static readonly Dictionary<string, EventCode> s_entries = Build();

    /// <summary>Restores of a zone after each alarm kind (the R family of DC-03, the alarm's CID with qualifier 3).</summary>
    private static readonly Dictionary<string, EventCode> s_alarmRestores = new(StringComparer.Ordinal)
    {
        [EventKinds.AlarmIntrusion] = EventCode.Reported("BR", 130, Restore),
        [EventKinds.AlarmFire] = EventCode.Reported("FR", 111, Restore),
        [EventKinds.AlarmPanic] = EventCode.Reported("PR", 120, Restore),
        [EventKinds.AlarmSilent] = EventCode.Reported("HR", 122, Restore),
        [EventKinds.AlarmTamper] = EventCode.Reported("TR", 137, Restore),
    };

    /// <summary>Every kind the table names explicitly: Core's kinds, the known trouble kinds, the heartbeat.</summary>
    public static IReadOnlyDictionary<string, EventCode> Entries => s_entries;

    /// <summary>The precise restore codes of <see cref="EventKinds.ZoneRestored"/> by the alarm that zone raised.</summary>
    public static IReadOnlyDictionary<string, EventCode> AlarmRestores => s_alarmRestores;

    /// <summary>The code of <paramref name="kind"/>. Unknown technical troubles get the generic sensor trouble.</summary>
    public static EventCode For(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (s_entries.TryGetValue(kind, out var code))
        {
            return code;
        }

        if (EventCatalog.IsTrouble(kind))
        {
            // A technical zone of a kind the table does not name: untyped zone trouble, CID 380 sensor trouble.
            return kind.EndsWith(EventKinds.RestoredSuffix, StringComparison.Ordinal)
                ? EventCode.Reported("UJ", 380, Restore)
                : EventCode.Reported("UT", 380, New);
        }

        return EventCode.NotReported("not in the code table");
    }

    /// <summary>
    /// The code of a <see cref="EventKinds.ZoneRestored"/> when the panel knows which alarm the zone raised; the
    /// generic untyped restore when it does not.
    /// </summary>
    public static EventCode ForRestoreOf(string? alarmKind) =>
        alarmKind is not null && s_alarmRestores.TryGetValue(alarmKind, out var code) ? code : s_entries[EventKinds.ZoneRestored];

    private static Dictionary<string, EventCode> Build()
    {
        var entries = new Dictionary<string, EventCode>(StringComparer.Ordinal)
        {
            [EventKinds.AlarmIntrusion] = EventCode.Reported("BA", 130, New),   // burglary
            [EventKinds.AlarmFire] = EventCode.Reported("FA", 111, New),        // fire zones are smoke detectors: CID 111 smoke
            [EventKinds.AlarmPanic] = EventCode.Reported("PA", 120, New),       // panic
            [EventKinds.AlarmDuress] = EventCode.Reported("HA", 121, New),      // hold-up; CID 121 duress (user number)
            [EventKinds.AlarmSilent] = EventCode.Reported("HA", 122, New),      // hold-up; CID 122 silent
            [EventKinds.AlarmTamper] = EventCode.Reported("TA", 137, New),      // tamper alarm; CID 137 tamper
            [EventKinds.AlarmCancelled] = EventCode.Reported("OR", 406, New),   // disarm from alarm; CID 406 cancel
            [EventKinds.ZoneRestored] = EventCode.Reported("UR", 140, Restore), // untyped restoral; CID 140 general alarm
            [EventKinds.ArmedAway] = EventCode.Reported("CL", 401, Restore),    // closing by user
            [EventKinds.ArmedHome] = EventCode.Reported("CG", 441, Restore),    // close area (partial); CID 441 armed STAY
            [EventKinds.Disarmed] = EventCode.Reported("OP", 401, New),         // opening by user
            [EventKinds.ZoneBypassed] = EventCode.Reported("BB", 570, New),     // burglary bypass; CID 570 zone bypass
            [EventKinds.CodeLockout] = EventCode.Reported("JA", 461, New),      // user code tamper; CID 461 wrong code entry
            [EventKinds.CodeChanged] = EventCode.Reported("JV", 306, New),      // user code changed; CID 306 programming changed
            [LinkEventKinds.Heartbeat] = EventCode.Reported("RP", 602, New),    // automatic test; CID 602 periodic test
            [LinkEventKinds.PanelLost] = EventCode.Reported("YC", 356, New),    // communications fail; CID 356 loss of polling
            [LinkEventKinds.PanelRestored] = EventCode.Reported("YK", 356, Restore), // communications restoral
        };
        AddNotReported(entries);
        foreach (var (kind, sia, siaRestore, cid) in s_troubles)
        {
            entries[EventKinds.Trouble(kind)] = EventCode.Reported(sia, cid, New);
            entries[EventKinds.TroubleRestored(kind)] = EventCode.Reported(siaRestore, cid, Restore);
        }

        return entries;
    }

    private static void AddNotReported(Dictionary<string, EventCode> entries)
    {
        entries[EventKinds.ArmRefused] = EventCode.NotReported(
            "local feedback to the user at the keypad; CID 454 'failed to close' is a schedule event, not this");
        entries[EventKinds.ExitStarted] = EventCode.NotReported("the closing (CL/CG) is reported when the exit delay ends");
        const string answer = "the answer to the station's own command: it reaches the station as an event line, and "
            + "what the command did (a closing, an opening) is reported with its own code";
        entries[EventKinds.CommandAccepted] = EventCode.NotReported(answer);
        entries[EventKinds.CommandRefused] = EventCode.NotReported(answer);
        entries[EventKinds.EntryStarted] = EventCode.NotReported(
            "the entry delay is local: it ends in an opening (OP) or a burglary alarm (BA), and those are reported");
        const string actuator = "a local actuator following the panel's state; what caused it is reported, and a "
            + "failure to drive it is trouble.output (OU)";
        foreach (var kind in new[]
                 {
                     EventKinds.SirenOn, EventKinds.SirenOff, EventKinds.DoorLocked, EventKinds.DoorUnlocked,
                     EventKinds.PlugOn, EventKinds.PlugOff,
                 })
        {
            entries[kind] = EventCode.NotReported(actuator);
        }
    }
}
