namespace PanelAgent.Diagnostics;

/// <summary>The technician socket (panelctl), section <c>Diagnostics</c>. Optional: the defaults serve a panel.</summary>
public sealed class DiagnosticsOptions
{
    public const string SectionName = "Diagnostics";

    public const string DefaultSocketPath = "/run/panelagent/diag.sock";

    /// <summary>False: no socket at all (the access log still records code changes and lock-outs).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// At most 107 bytes (unix(7) sun_path). Not a configuration error when longer (--data may derive it): the agent
    /// then runs without its technician socket and says so in the log.
    /// </summary>
    public string SocketPath { get; set; } = DefaultSocketPath;

    /// <summary>Besides root, members of this group (primary or supplementary) may use the socket.</summary>
    public string TechGroup { get; set; } = "panel-tech";

    /// <summary>The longest walk test one may ask for; it always ends by itself.</summary>
    public TimeSpan MaxWalkTest { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<string> Validate()
    {
        if (SocketPath.Length == 0 || !Path.IsPathFullyQualified(SocketPath))
        {
            yield return $"{SectionName}:{nameof(SocketPath)}: must be an absolute path.";
        }

        if (TechGroup.Length == 0 || TechGroup.Contains(':', StringComparison.Ordinal))
        {
            yield return $"{SectionName}:{nameof(TechGroup)}: must be a group name.";
        }

        if (MaxWalkTest < TimeSpan.FromSeconds(5) || MaxWalkTest > TimeSpan.FromHours(2))
        {
            yield return $"{SectionName}:{nameof(MaxWalkTest)}: must be between 00:00:05 and 02:00:00.";
        }
    }
}
