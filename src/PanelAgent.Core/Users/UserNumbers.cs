namespace PanelAgent.Core.Users;

/// <summary>User numbers with a fixed meaning. Keypad users are numbered from 1.</summary>
public static class UserNumbers
{
    /// <summary>The alarm station, arming or disarming by authenticated command (Contact ID reports user 0 as remote).</summary>
    public const int Station = 0;
}
