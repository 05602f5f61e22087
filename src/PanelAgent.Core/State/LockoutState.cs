namespace PanelAgent.Core.State;

/// <summary>Keypad lock-out bookkeeping, persisted so that a reboot does not reset the count.</summary>
/// <param name="WrongInARow">Wrong codes entered since the last right one.</param>
/// <param name="LockedUntil">While set and in the future, every code is refused.</param>
public sealed record LockoutState(int WrongInARow, DateTimeOffset? LockedUntil)
{
    public static readonly LockoutState None = new(0, null);

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && now < until;
}
