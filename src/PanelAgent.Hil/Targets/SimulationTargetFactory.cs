namespace PanelAgent.Hil.Targets;

/// <summary>Creates an in-process panel on simulated hardware with a virtual clock, in a fresh temporary folder.</summary>
public sealed class SimulationTargetFactory : IScenarioTargetFactory
{
    public Task<IScenarioTarget> CreateAsync(string panelConfigPath, CancellationToken ct) =>
        Task.FromResult<IScenarioTarget>(SimulationTarget.Start(panelConfigPath));
}
