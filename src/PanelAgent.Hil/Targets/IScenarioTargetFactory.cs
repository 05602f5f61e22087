namespace PanelAgent.Hil.Targets;

/// <summary>Starts a fresh target for one scenario, configured from a panel file (<c>hardware/panels/*.json</c>).</summary>
public interface IScenarioTargetFactory
{
    Task<IScenarioTarget> CreateAsync(string panelConfigPath, CancellationToken ct);
}
