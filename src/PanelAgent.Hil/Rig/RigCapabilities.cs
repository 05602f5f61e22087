using PanelAgent.Hil.Scenarios;
using PanelAgent.Options;

namespace PanelAgent.Hil.Rig;

/// <summary>
/// Which steps a rig can do faithfully, and why not the others. The rig has no keypad: it arms and disarms with the
/// station's signed <c>arm</c>/<c>disarm</c> commands, which carry neither a code nor a bypass list, so steps that
/// exercise code rules (a wrong code, duress, lockout) or bypass are left out, as are waits longer than the map's cap,
/// restarts (no power relay), camera modes and station image commands, and figures only the panel's database knows.
/// </summary>
internal static class RigCapabilities
{
    /// <summary>Figures the rig reads: its input lines, and the panel's phase through the station's status command.</summary>
    public static readonly IReadOnlySet<string> Figures = new HashSet<string>(StringComparer.Ordinal) { "state", "siren", "lock", "plug" };

    public static string? CannotRun(ScenarioStep step, RigMap map, PanelConfig panel, DateTimeOffset now) => step switch
    {
        { Rig: false } => "the scenario marks this step \"rig\": false",
        ArmStep { Bypass.Count: > 0 } => "the station's arm command carries no bypass list",
        ArmStep a => Code(a.Code, panel),
        DisarmStep d => Code(d.Code, panel),
        ZoneStep z => Zone(z, map, panel),
        AdvanceStep v when v.By.ResolveFrom(now) > map.AdvanceCap =>
            $"advance {v.By.Text} is longer than this rig waits (advanceCap {System.Xml.XmlConvert.ToString(map.AdvanceCap)})",
        RestartStep => "the rig cannot restart the panel (no power relay in the rig map)",
        CameraStep => "camera modes exist only in the simulation",
        StationStep => "station image commands are not driven from the rig",
        CheckStep c when !Figures.Contains(c.Figure) =>
            $"{c.Figure} is kept inside the panel; the rig reads only state, siren, lock and plug",
        CheckStep c when c.Figure != "state" && map.Watch(c.Figure) is null => $"no rig input watches the panel's {c.Figure}",
        _ => null,
    };

    /// <summary>The station command stands in for a user's own code; any other code is a code-rule test.</summary>
    private static string? Code(string code, PanelConfig panel) =>
        panel.Panel.Users.Any(u => u.Code == code && !u.Duress)
            ? null
            : "code entry rules need a keypad (a wrong or duress code); the rig arms through the station, which sends no code";

    private static string? Zone(ZoneStep step, RigMap map, PanelConfig panel)
    {
        var tamperZone = panel.Panel.Zones.FirstOrDefault(z => z.Id == step.ZoneId)?.Type == "tamper";
        var needed = step.Condition switch
        {
            Core.Zones.ZoneCondition.Active => RigSignal.Detector,
            Core.Zones.ZoneCondition.Tamper => tamperZone ? RigSignal.Detector : RigSignal.Tamper,
            Core.Zones.ZoneCondition.Fault => RigSignal.Fault,
            _ => (RigSignal?)null,
        };
        if (needed is { } signal)
        {
            return map.Drive(step.ZoneId, signal) is null
                ? $"no rig line drives the {signal.ToString().ToLowerInvariant()} of zone \"{step.ZoneId}\"" : null;
        }

        return map.Drives.Any(d => d.Zone == step.ZoneId) ? null : $"no rig line is wired to zone \"{step.ZoneId}\"";
    }
}
