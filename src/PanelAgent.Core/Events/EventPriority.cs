namespace PanelAgent.Core.Events;

/// <summary>Send order to the station: lower values leave first (alarms before trouble before arm/disarm).</summary>
public enum EventPriority
{
    Alarm = 0,
    Trouble = 1,
    ArmDisarm = 2,
    Operational = 3,
    Heartbeat = 4,
}
