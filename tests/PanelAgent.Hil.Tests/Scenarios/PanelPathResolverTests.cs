using PanelAgent.Hil.Scenarios;
using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests.Scenarios;

public sealed class PanelPathResolverTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void TryResolve_RelativeToCurrentDirectory_Found()
    {
        var panel = _tree.Write("hardware/panels/villa.json", "{}");

        Assert.True(PanelPathResolver.TryResolve("hardware/panels/villa.json", "elsewhere/s.json", _tree.Root, out var found));
        Assert.Equal(panel, found);
    }

    [Fact]
    public void TryResolve_OnlyAboveTheScenario_WalksUp()
    {
        var panel = _tree.Write("repo/hardware/panels/villa.json", "{}");
        var scenario = _tree.Write("repo/hardware/scenarios/s.json", "{}");

        Assert.True(PanelPathResolver.TryResolve("hardware/panels/villa.json", scenario, _tree.Path("other"), out var found));
        Assert.Equal(panel, found);
    }

    [Fact]
    public void TryResolve_Nowhere_ReturnsFalse()
    {
        var scenario = _tree.Write("hardware/scenarios/s.json", "{}");

        Assert.False(PanelPathResolver.TryResolve("hardware/panels/missing.json", scenario, _tree.Root, out _));
    }
}
