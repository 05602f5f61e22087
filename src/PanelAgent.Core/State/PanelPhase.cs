namespace PanelAgent.Core.State;

/// <summary>The states of the alarm engine.</summary>
public enum PanelPhase
{
    Disarmed,
    ExitDelay,
    ArmedAway,
    ArmedHome,
    EntryDelay,
    Alarm,
}
