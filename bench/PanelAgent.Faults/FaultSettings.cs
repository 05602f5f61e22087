namespace PanelAgent.Faults;

/// <summary>Where the real programs are, and how patient the rig is with them (a shared 2-core machine is slow).</summary>
internal sealed record FaultSettings
{
    public string AgentDll { get; init; } = Path.Combine(AppContext.BaseDirectory, "panel-agent.dll");

    public string StationDll { get; init; } = Path.Combine(AppContext.BaseDirectory, "panel-station.dll");

    public string PanelConfig { get; init; } = Path.Combine(AppContext.BaseDirectory, "panels", "sim-villa.json");

    /// <summary>Longest wait for a start, a drain or a recovery before the row is reported as failed.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The panel's input re-read period in the campaign's config: how fast a dead GPIO event loop is covered.</summary>
    public TimeSpan Reread { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Progress lines (stderr in the script, the test output in xunit).</summary>
    public Action<string> Progress { get; init; } = _ => { };
}
