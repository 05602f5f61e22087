namespace PanelAgent.Core.State;

/// <summary>
/// Everything the engine must remember across a reboot. Persisted in the same transaction as the events that
/// led to it, so the log and the state never disagree. Instants are UTC wall-clock: a monotonic clock does not
/// survive a power cut.
/// </summary>
public sealed record PanelState
{
    public static readonly PanelState Initial = new();

    public PanelPhase Phase { get; init; } = PanelPhase.Disarmed;

    /// <summary>The user has set the panel (from the start of the exit delay until disarm), whatever the phase.</summary>
    public bool Armed { get; init; }

    /// <summary>The mode being armed (exit delay), or the mode armed before entry delay / alarm.</summary>
    public ArmMode Mode { get; init; } = ArmMode.Away;

    /// <summary>The user number that set the panel, reported when arming completes.</summary>
    public int? ArmedBy { get; init; }

    /// <summary>When the exit or entry delay runs out.</summary>
    public DateTimeOffset? DelayEndsAt { get; init; }

    /// <summary>The zone that started the entry delay or the alarm.</summary>
    public string? TriggerZone { get; init; }

    /// <summary>The siren sounds until this instant (cut-off, EN 50131: 2-15 min). Null when silent.</summary>
    public DateTimeOffset? SirenUntil { get; init; }

    /// <summary>The siren already ran to its cut-off in this alarm period; it does not restart until disarm.</summary>
    public bool SirenCutOff { get; init; }

    /// <summary>Zones bypassed for this arming period (cleared on disarm).</summary>
    public IReadOnlyList<string> Bypassed { get; init; } = [];

    /// <summary>Zones that raised an alarm in the current alarm period (each alarms once until disarm).</summary>
    public IReadOnlyList<string> AlarmedZones { get; init; } = [];

    /// <summary>Trouble conditions currently raised (kind or kind:zone), so that restores are reported once.</summary>
    public IReadOnlyList<string> OpenTroubles { get; init; } = [];

    /// <summary>The door-lock relay is energised (locked) because the panel armed away.</summary>
    public bool DoorLocked { get; init; }

    /// <summary>The smart plug is cut because the panel armed away.</summary>
    public bool PlugCut { get; init; }

    /// <summary>Keypad lock-out bookkeeping.</summary>
    public LockoutState Lockout { get; init; } = LockoutState.None;

    /// <summary>The next instant at which time alone changes something (delay end, siren cut-off, lock-out end).</summary>
    public DateTimeOffset? NextDeadline
    {
        get
        {
            DateTimeOffset? next = DelayEndsAt;
            if (SirenUntil is { } siren && (next is null || siren < next))
            {
                next = siren;
            }

            if (Lockout.LockedUntil is { } unlock && (next is null || unlock < next))
            {
                next = unlock;
            }

            return next;
        }
    }
}
