namespace PanelAgent.Core.Engine;

/// <summary>What happened to a code entry. Never says which user, so a display cannot leak it.</summary>
public enum KeypadOutcome
{
    Accepted,
    WrongCode,
    Locked,
}
