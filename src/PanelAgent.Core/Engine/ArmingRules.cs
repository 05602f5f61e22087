using System.Globalization;
using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Engine;

/// <summary>Keypad actions: arm (with bypass), disarm (and duress), wrong codes and the lock-out.</summary>
internal static class ArmingRules
{
    public static void Arm(DecisionBuilder b, ArmRequested request)
    {
        if (b.State.Lockout.IsLocked(b.Now))
        {
            b.Emit(EventKinds.ArmRefused, user: request.User, detail: "keypad-locked");
            return;
        }

        RightCode(b);
        var unknown = request.Bypass.Where(id => !b.Settings.Zones.TryGetValue(id, out var z) || !z.IsIntrusion).ToList();
        if (unknown.Count > 0)
        {
            // Only intrusion zones may be bypassed; 24 h zones (fire, panic...) never are.
            b.Emit(EventKinds.ArmRefused, unknown[0], request.User, "not-bypassable:" + string.Join(',', unknown));
            return;
        }

        b.State = b.State with { Mode = request.Mode, Bypassed = [.. request.Bypass.Distinct(StringComparer.Ordinal)] };
        var open = OpenZones(b);
        if (open.Count > 0)
        {
            b.Emit(EventKinds.ArmRefused, open[0], request.User, string.Join(',', open));
            b.State = b.State with { Bypassed = [] };
            return;
        }

        foreach (var zone in b.State.Bypassed)
        {
            b.Emit(EventKinds.ZoneBypassed, zone, request.User);
        }

        var mode = request.Mode == ArmMode.Away ? "away" : "home";
        b.Emit(EventKinds.ExitStarted, user: request.User, detail: mode);
        b.State = b.State with
        {
            Phase = PanelPhase.ExitDelay,
            Armed = true,
            ArmedBy = request.User,
            DelayEndsAt = b.Now + b.Settings.ExitDelay,
        };
        if (b.Settings.ExitDelay <= TimeSpan.Zero)
        {
            TimeRules.Apply(b);
        }
    }

    public static void Disarm(DecisionBuilder b, DisarmRequested request)
    {
        if (b.State.Lockout.IsLocked(b.Now))
        {
            return;
        }

        RightCode(b);
        AlarmTransitions.Disarm(b, request.User);
        if (request.Duress)
        {
            // The panel looks normally disarmed; only the station learns of the duress (silent, no local sign).
            b.Emit(EventKinds.AlarmDuress, user: request.User);
        }
    }

    public static void DisarmWhileDisarmed(DecisionBuilder b, DisarmRequested request)
    {
        if (b.State.Lockout.IsLocked(b.Now))
        {
            return;
        }

        RightCode(b);
        if (request.Duress)
        {
            b.Emit(EventKinds.AlarmDuress, user: request.User);
        }
    }

    /// <summary>
    /// Counts wrong codes in a row. At the threshold the keypad locks (grade 2: 90 s each time; grade 3: 90 s more
    /// for every further wrong code). The count is reset only by a right code (see <see cref="RightCode"/>).
    /// </summary>
    public static void WrongCode(DecisionBuilder b)
    {
        var wrong = b.State.Lockout.WrongInARow + 1;
        var lockout = new LockoutState(wrong, b.State.Lockout.LockedUntil);
        if (wrong >= b.Settings.LockoutThreshold)
        {
            var further = wrong - b.Settings.LockoutThreshold;
            var duration = b.Settings.Grade >= 3
                ? b.Settings.LockoutDuration * (1 + further)
                : b.Settings.LockoutDuration;
            lockout = lockout with { LockedUntil = b.Now + duration };
            b.Emit(EventKinds.CodeLockout, detail: ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }

        b.State = b.State with { Lockout = lockout };
    }

    /// <summary>A right code clears the wrong-code count.</summary>
    public static void RightCode(DecisionBuilder b)
    {
        if (b.State.Lockout.WrongInARow != 0)
        {
            b.State = b.State with { Lockout = LockoutState.None };
        }
    }

    public static void CodeChanged(DecisionBuilder b, CodeChangedTrigger change) =>
        b.Emit(EventKinds.CodeChanged, user: change.User);

    public static void CommandAnswered(DecisionBuilder b, StationCommandAnswered answer) =>
        b.Emit(answer.Accepted ? EventKinds.CommandAccepted : EventKinds.CommandRefused, detail: answer.Detail);

    /// <summary>
    /// Zones that stop arming: armed zones that are open, tampered or faulty, and any tamper anywhere
    /// (EN 50131-1 8.3.1: setting is prevented while a tamper or fault condition is present).
    /// </summary>
    private static List<string> OpenZones(DecisionBuilder b) =>
        [.. b.AllZones
            .Where(z => (b.IsArmed(z) && b.ConditionOf(z.Id) != ZoneCondition.Normal)
                || b.ConditionOf(z.Id) == ZoneCondition.Tamper
                || (z.Type == ZoneType.Tamper && b.ConditionOf(z.Id) == ZoneCondition.Active))
            .Select(z => z.Id)
            .OrderBy(id => id, StringComparer.Ordinal)];
}
