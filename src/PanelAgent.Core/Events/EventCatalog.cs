namespace PanelAgent.Core.Events;

/// <summary>Maps event kinds to their retention category and send priority.</summary>
public static class EventCatalog
{
    private static readonly HashSet<string> s_armDisarm =
    [
        EventKinds.ArmedAway, EventKinds.ArmedHome, EventKinds.Disarmed, EventKinds.ArmRefused,
        EventKinds.ZoneBypassed, EventKinds.ExitStarted,
    ];

    public static EventCategory CategoryOf(string kind)
    {
        if (s_armDisarm.Contains(kind))
        {
            return EventCategory.ArmDisarm;
        }

        return IsAlarm(kind) || IsTrouble(kind) || kind is EventKinds.ZoneRestored or EventKinds.EntryStarted
            or EventKinds.CodeLockout
            ? EventCategory.AlarmHistory
            : EventCategory.Operational;
    }

    public static EventPriority PriorityOf(string kind)
    {
        if (IsAlarm(kind) || kind == EventKinds.EntryStarted)
        {
            return EventPriority.Alarm;
        }

        if (IsTrouble(kind) || kind is EventKinds.ZoneRestored or EventKinds.CodeLockout)
        {
            return EventPriority.Trouble;
        }

        return s_armDisarm.Contains(kind) ? EventPriority.ArmDisarm : EventPriority.Operational;
    }

    public static bool IsAlarm(string kind) => kind.StartsWith("alarm.", StringComparison.Ordinal);

    public static bool IsTrouble(string kind) => kind.StartsWith(EventKinds.TroublePrefix, StringComparison.Ordinal);
}
