namespace PanelAgent.Hil.Targets;

/// <summary>
/// Creates an in-process panel on simulated hardware with a virtual clock, in a fresh temporary folder, or in
/// <c>keepData</c> (emptied first) when the database should outlive the run: the demo prints its logs from it.
/// </summary>
public sealed class SimulationTargetFactory(string? keepData = null, DateTimeOffset? start = null) : IScenarioTargetFactory
{
    public Task<IScenarioTarget> CreateAsync(string panelConfigPath, CancellationToken ct) =>
        Task.FromResult<IScenarioTarget>(SimulationTarget.Start(panelConfigPath, keepData, start: start));
}
