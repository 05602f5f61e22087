namespace PanelAgent.Diagnostics;

/// <summary>The technician socket (panelctl), section <c>Diagnostics</c>. Optional: the defaults serve a panel.</summary>
public sealed class DiagnosticsOptions
{
    public const string SectionName = "Diagnostics";

    public const string DefaultSocketPath = "/run/panelagent/diag.sock";

    /// <summary>False: no socket at all (the access log still records code changes and lock-outs).</summary>
    public bool Enabled { get; set; } = true;

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
        else if (System.Text.Encoding.UTF8.GetByteCount(SocketPath) > 107)
        {
            // sun_path is 108 bytes including the terminating NUL (unix(7)).
            yield return $"{SectionName}:{nameof(SocketPath)}: longer than the 107 bytes a Unix socket path may have.";
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
