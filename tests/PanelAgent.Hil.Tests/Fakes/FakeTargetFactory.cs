using PanelAgent.Hil.Targets;

namespace PanelAgent.Hil.Tests.Fakes;

/// <summary>Makes <see cref="FakeScenarioTarget"/>s, scripted by <see cref="Configure"/>, and keeps them for asserts.</summary>
internal sealed class FakeTargetFactory : IScenarioTargetFactory
{
    public List<FakeScenarioTarget> Created { get; } = [];

    public List<string> PanelPaths { get; } = [];

    public Action<FakeScenarioTarget>? Configure { get; set; }

    public Exception? Throw { get; set; }

    public Task<IScenarioTarget> CreateAsync(string panelConfigPath, CancellationToken ct)
    {
        PanelPaths.Add(panelConfigPath);
        if (Throw is { } ex)
        {
            return Task.FromException<IScenarioTarget>(ex);
        }

        var target = new FakeScenarioTarget();
        Configure?.Invoke(target);
        Created.Add(target);
        return Task.FromResult<IScenarioTarget>(target);
    }
}
