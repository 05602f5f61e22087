namespace PanelAgent.Core.State;

/// <summary>Away arms every intrusion zone; home arms the shell (entry and perimeter) only.</summary>
public enum ArmMode
{
    Away,
    Home,
}
