using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Engine;

/// <summary>What a zone's change of condition means in each phase.</summary>
internal static class ZoneRules
{
    private delegate void IntrusionRule(DecisionBuilder b, ZoneDefinition zone);

    /// <summary>Intrusion zones by phase: the table the EN 50131 behaviour reads from.</summary>
    private static readonly Dictionary<PanelPhase, IntrusionRule> s_intrusion = new()
    {
        // Open doors while disarmed are nobody's business: no event, no log (privacy: habits).
        [PanelPhase.Disarmed] = (_, _) => { },
        // The user is walking out; zones are looked at again when the exit delay ends.
        [PanelPhase.ExitDelay] = (_, _) => { },
        [PanelPhase.ArmedAway] = Trip,
        [PanelPhase.ArmedHome] = Trip,
        [PanelPhase.EntryDelay] = TripDuringEntry,
        [PanelPhase.Alarm] = TripDuringAlarm,
    };

    public static void Apply(DecisionBuilder b, ZoneChanged change)
    {
        if (!b.Settings.Zones.TryGetValue(change.ZoneId, out var zone))
        {
            return;
        }

        Leave(b, zone, change.Previous);
        Enter(b, zone, change.Current);
    }

    /// <summary>Reports the end of the previous condition (restores).</summary>
    private static void Leave(DecisionBuilder b, ZoneDefinition zone, ZoneCondition previous)
    {
        switch (previous)
        {
            case ZoneCondition.Fault:
                b.RestoreTrouble(TroubleKinds.Detector, zone.Id);
                break;
            case ZoneCondition.Tamper:
                b.RestoreTrouble(TroubleKinds.Tamper, zone.Id);
                RestoreIfAlarmed(b, zone);
                break;
            case ZoneCondition.Active when zone.Type == ZoneType.Technical:
                b.RestoreTrouble(zone.TechnicalKind ?? zone.Id, zone.Id);
                break;
            case ZoneCondition.Active when zone.Type == ZoneType.Tamper:
                b.RestoreTrouble(TroubleKinds.Tamper, zone.Id);
                RestoreIfAlarmed(b, zone);
                break;
            case ZoneCondition.Active:
                RestoreIfAlarmed(b, zone);
                break;
        }
    }

    private static void Enter(DecisionBuilder b, ZoneDefinition zone, ZoneCondition current)
    {
        switch (current)
        {
            case ZoneCondition.Fault:
                b.RaiseTrouble(TroubleKinds.Detector, zone.Id);
                break;
            case ZoneCondition.Tamper:
                Tamper(b, zone);
                break;
            case ZoneCondition.Active:
                Activate(b, zone);
                break;
        }
    }

    private static void Activate(DecisionBuilder b, ZoneDefinition zone)
    {
        switch (zone.Type)
        {
            case ZoneType.Fire:
                AlarmTransitions.EnterAlarm(b, EventKinds.AlarmFire, zone.Id, audible: true);
                break;
            case ZoneType.Panic:
                AlarmTransitions.EnterAlarm(b, EventKinds.AlarmPanic, zone.Id, audible: true);
                break;
            case ZoneType.Silent:
                // P4: no siren, no local sign; the phase does not change, only the station learns of it.
                b.Emit(EventKinds.AlarmSilent, zone.Id);
                break;
            case ZoneType.Tamper:
                Tamper(b, zone);
                break;
            case ZoneType.Technical:
                b.RaiseTrouble(zone.TechnicalKind ?? zone.Id, zone.Id);
                break;
            default:
                s_intrusion[b.State.Phase](b, zone);
                break;
        }
    }

    /// <summary>Tamper while disarmed is a trouble; while set (arming, armed, delays, alarm) it is an alarm.</summary>
    private static void Tamper(DecisionBuilder b, ZoneDefinition zone)
    {
        if (!b.State.Armed)
        {
            b.RaiseTrouble(TroubleKinds.Tamper, zone.Id);
        }
        else
        {
            AlarmTransitions.EnterAlarm(b, EventKinds.AlarmTamper, zone.Id, audible: true);
        }
    }

    private static void Trip(DecisionBuilder b, ZoneDefinition zone)
    {
        if (!b.IsArmed(zone))
        {
            return;
        }

        if (zone.Type == ZoneType.Entry)
        {
            AlarmTransitions.StartEntryDelay(b, zone.Id);
        }
        else
        {
            AlarmTransitions.EnterAlarm(b, EventKinds.AlarmIntrusion, zone.Id, audible: true);
        }
    }

    /// <summary>During the entry delay the walk route (entry and interior zones) is quiet; the shell is not.</summary>
    private static void TripDuringEntry(DecisionBuilder b, ZoneDefinition zone)
    {
        if (zone.Type == ZoneType.Perimeter && b.IsArmed(zone))
        {
            AlarmTransitions.EnterAlarm(b, EventKinds.AlarmIntrusion, zone.Id, audible: true);
        }
    }

    /// <summary>
    /// In alarm, further zones are recorded once each if the panel is set (a fire alarm while disarmed does not arm
    /// the doors); the siren is not restarted after its cut-off.
    /// </summary>
    private static void TripDuringAlarm(DecisionBuilder b, ZoneDefinition zone)
    {
        if (b.State.Armed && b.IsArmed(zone))
        {
            AlarmTransitions.EnterAlarm(b, EventKinds.AlarmIntrusion, zone.Id, audible: true);
        }
    }

    private static void RestoreIfAlarmed(DecisionBuilder b, ZoneDefinition zone)
    {
        if (b.State.Phase == PanelPhase.Alarm && b.State.AlarmedZones.Contains(zone.Id, StringComparer.Ordinal))
        {
            b.Emit(EventKinds.ZoneRestored, zone.Id);
        }
    }
}
