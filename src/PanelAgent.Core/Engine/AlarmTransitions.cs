using PanelAgent.Core.Events;
using PanelAgent.Core.State;

namespace PanelAgent.Core.Engine;

/// <summary>State changes shared by several rules: entering alarm, starting the entry delay, arming, disarming.</summary>
internal static class AlarmTransitions
{
    /// <summary>Raises an alarm for a zone once per alarm period; <paramref name="audible"/> starts the siren.</summary>
    public static void EnterAlarm(DecisionBuilder b, string kind, string zoneId, bool audible)
    {
        // A repeated trip of the same zone in one alarm period is the same alarm, not a new one.
        if (b.State.Phase == PanelPhase.Alarm && b.State.AlarmedZones.Contains(zoneId, StringComparer.Ordinal))
        {
            return;
        }

        b.Emit(kind, zoneId);
        b.State = b.State with
        {
            Phase = PanelPhase.Alarm,
            DelayEndsAt = null,
            TriggerZone = b.State.Phase == PanelPhase.Alarm ? b.State.TriggerZone : zoneId,
            AlarmedZones = [.. b.State.AlarmedZones, zoneId],
        };
        if (audible)
        {
            StartSiren(b);
        }
    }

    /// <summary>Starts the siren unless it sounds already or its cut-off has run in this alarm period.</summary>
    public static void StartSiren(DecisionBuilder b)
    {
        if (b.State.SirenUntil is null && !b.State.SirenCutOff)
        {
            b.Emit(EventKinds.SirenOn);
            b.State = b.State with { SirenUntil = b.Now + b.Settings.SirenCutoff };
        }
    }

    public static void StartEntryDelay(DecisionBuilder b, string zoneId)
    {
        b.Emit(EventKinds.EntryStarted, zoneId);
        b.State = b.State with
        {
            Phase = PanelPhase.EntryDelay,
            DelayEndsAt = b.Now + b.Settings.EntryDelay,
            TriggerZone = zoneId,
        };
    }

    public static void CompleteArming(DecisionBuilder b, int? user)
    {
        var away = b.State.Mode == ArmMode.Away;
        b.Emit(away ? EventKinds.ArmedAway : EventKinds.ArmedHome, user: user);
        b.State = b.State with
        {
            Phase = away ? PanelPhase.ArmedAway : PanelPhase.ArmedHome,
            DelayEndsAt = null,
            TriggerZone = null,
        };
        if (away && b.Settings.LockDoorWhenArmedAway && !b.State.DoorLocked)
        {
            b.Emit(EventKinds.DoorLocked);
            b.State = b.State with { DoorLocked = true };
        }

        if (away && b.Settings.CutPlugWhenArmedAway && !b.State.PlugCut)
        {
            b.Emit(EventKinds.PlugOff);
            b.State = b.State with { PlugCut = true };
        }
    }

    /// <summary>Back to disarmed: delays, alarm memory, bypasses and the siren are cleared; relays released.</summary>
    public static void Disarm(DecisionBuilder b, int user)
    {
        var wasAlarm = b.State.Phase == PanelPhase.Alarm;
        b.Emit(EventKinds.Disarmed, user: user);
        if (wasAlarm)
        {
            b.Emit(EventKinds.AlarmCancelled, user: user);
        }

        if (b.State.SirenUntil is not null)
        {
            b.Emit(EventKinds.SirenOff);
        }

        if (b.State.DoorLocked)
        {
            b.Emit(EventKinds.DoorUnlocked);
        }

        if (b.State.PlugCut)
        {
            b.Emit(EventKinds.PlugOn);
        }

        b.State = b.State with
        {
            Phase = PanelPhase.Disarmed,
            DelayEndsAt = null,
            TriggerZone = null,
            SirenUntil = null,
            SirenCutOff = false,
            Bypassed = [],
            AlarmedZones = [],
            Armed = false,
            ArmedBy = null,
            DoorLocked = false,
            PlugCut = false,
        };
    }
}
