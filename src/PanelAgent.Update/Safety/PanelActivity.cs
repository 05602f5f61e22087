namespace PanelAgent.Update.Safety;

/// <summary>What the running panel is doing that an update must not interrupt.</summary>
public sealed record PanelActivity(bool Armed, bool InAlarm, bool TransmittingAlarm)
{
    public static readonly PanelActivity Idle = new(false, false, false);

    /// <summary>The reason an update must wait, or null when the moment is safe.</summary>
    public string? BusyReason =>
        InAlarm ? "the panel is in alarm"
        : TransmittingAlarm ? "an alarm is still being transmitted to the station"
        : Armed ? "the panel is armed"
        : null;
}
