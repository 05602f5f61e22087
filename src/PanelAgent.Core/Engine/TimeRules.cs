using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Engine;

/// <summary>What the passing of time does: ends delays, cuts the siren off, lifts a lock-out.</summary>
internal static class TimeRules
{
    public static void Apply(DecisionBuilder b)
    {
        if (b.State.DelayEndsAt is { } ends && b.Now >= ends)
        {
            if (b.State.Phase == PanelPhase.ExitDelay)
            {
                EndExitDelay(b);
            }
            else if (b.State.Phase == PanelPhase.EntryDelay)
            {
                AlarmTransitions.EnterAlarm(b, EventKinds.AlarmIntrusion, b.State.TriggerZone ?? "unknown", audible: true);
            }
        }

        if (b.State.SirenUntil is { } siren && b.Now >= siren)
        {
            // EN 50131-1: the siren stops at its cut-off; the alarm itself stays until a user disarms.
            b.Emit(EventKinds.SirenOff);
            b.State = b.State with { SirenUntil = null, SirenCutOff = true };
        }

        if (b.State.Lockout.LockedUntil is { } until && b.Now >= until)
        {
            b.State = b.State with { Lockout = b.State.Lockout with { LockedUntil = null } };
        }
    }

    /// <summary>
    /// At the end of the exit delay the armed zones are looked at: an open entry zone means the user is still on the
    /// way out (or came back), so the entry delay starts; any other open armed zone alarms.
    /// </summary>
    private static void EndExitDelay(DecisionBuilder b)
    {
        var open = b.AllZones.Where(z => b.IsArmed(z) && b.ConditionOf(z.Id) == ZoneCondition.Active).ToList();
        AlarmTransitions.CompleteArming(b, b.State.ArmedBy);
        var other = open.FirstOrDefault(z => z.Type != ZoneType.Entry);
        if (other is not null)
        {
            AlarmTransitions.EnterAlarm(b, EventKinds.AlarmIntrusion, other.Id, audible: true);
        }
        else if (open.FirstOrDefault() is { } entry)
        {
            AlarmTransitions.StartEntryDelay(b, entry.Id);
        }
    }
}
