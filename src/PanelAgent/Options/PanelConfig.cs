using PanelAgent.Core.Engine;
using PanelAgent.Core.Retention;
using PanelAgent.Core.Zones;
using PanelAgent.Diagnostics;
using PanelAgent.Hardware.Options;
using PanelAgent.Storage;

namespace PanelAgent.Options;

/// <summary>
/// The whole configuration file, bound and validated. <paramref name="Link"/> is null when the file has no
/// <c>Link</c> section: the panel then runs on its own, as before the station link existed.
/// </summary>
public sealed record PanelConfig(PanelOptions Panel, HardwareOptions Hardware, StorageOptions Storage, LinkConfig? Link = null)
{
    /// <summary>The technician socket; defaults when the file has no <c>Diagnostics</c> section.</summary>
    public DiagnosticsOptions Diagnostics { get; init; } = new();

    /// <summary>The optional <c>Cameras</c> section (issue 4); null: no cameras, no pictures.</summary>
    public CamerasOptions? Cameras { get; init; }

    public EngineSettings ToEngineSettings() => new()
    {
        Grade = Panel.Grade,
        EntryDelay = Panel.EntryDelay,
        ExitDelay = Panel.ExitDelay,
        SirenCutoff = Panel.SirenCutoff,
        LockDoorWhenArmedAway = Panel.LockDoorWhenArmedAway,
        CutPlugWhenArmedAway = Panel.CutPlugWhenArmedAway,
        Zones = Panel.Zones.ToDictionary(z => z.Id, ToDefinition, StringComparer.Ordinal),
    };

    public RetentionPolicy ToRetentionPolicy() =>
        RetentionPolicy.Create(Panel.Retention.ArmLogEntries, Panel.Retention.ArmLogMonths, Panel.Retention.AlarmHistoryYears);

    private static ZoneDefinition ToDefinition(ZoneOptions z)
    {
        ZoneTypes.TryParse(z.Type, out var type);
        return new ZoneDefinition(z.Id, type, z.Kind, z.Debounce);
    }
}
