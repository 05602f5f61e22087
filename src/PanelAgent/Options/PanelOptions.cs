namespace PanelAgent.Options;

/// <summary>The <c>Panel</c> section: the alarm logic's configuration (no pins here; those are under Hardware).</summary>
public sealed class PanelOptions
{
    public const string SectionName = "Panel";

    /// <summary>The panel's id at the alarm station (also the MQTT client id later). Not a person's name.</summary>
    public string Id { get; set; } = "";

    /// <summary>EN 50131 security grade: 2 or 3.</summary>
    public int Grade { get; set; } = 2;

    public TimeSpan EntryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ExitDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan SirenCutoff { get; set; } = TimeSpan.FromMinutes(3);

    public bool LockDoorWhenArmedAway { get; set; }

    public bool CutPlugWhenArmedAway { get; set; }

    public List<ZoneOptions> Zones { get; set; } = [];

    public CodeOptions Codes { get; set; } = new();

    public RetentionOptions Retention { get; set; } = new();

    /// <summary>Users enrolled on first start only (when the users table is empty); remove after enrolment.</summary>
    public List<ProvisionedUser> Users { get; set; } = [];
}
