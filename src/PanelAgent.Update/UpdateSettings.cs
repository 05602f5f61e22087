namespace PanelAgent.Update;

/// <summary>Where the slots, keys and database are, and how long confirmation may take.</summary>
public sealed record UpdateSettings
{
    public string Root { get; init; } = "/opt/panelagent";

    public string KeysDirectory { get; init; } = "/etc/panelagent/release-keys";

    public string DatabasePath { get; init; } = "/var/lib/panelagent/panel.db";

    public TimeSpan ReadyDeadline { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan AckDeadline { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>False on a panel without a station link: no outbox check, no acknowledgement in the confirmation.</summary>
    public bool HasStationLink { get; init; } = true;

    /// <summary>False when recovering at boot, before the agent starts (a restart then would wait on ourselves).</summary>
    public bool Restart { get; init; } = true;
}
