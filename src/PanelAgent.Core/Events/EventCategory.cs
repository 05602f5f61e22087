namespace PanelAgent.Core.Events;

/// <summary>Which retention rule an event falls under (PRIVACY.md P7, P8).</summary>
public enum EventCategory
{
    /// <summary>Arm/disarm log: last 100 entries, at most 3 months (P7).</summary>
    ArmDisarm,
    /// <summary>Alarm history: alarms, tamper, trouble, restores; 5 years (P8).</summary>
    AlarmHistory,
    /// <summary>Operational events (outputs, code changes) that go to the station but into neither log.</summary>
    Operational,
}
