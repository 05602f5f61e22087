using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests.Rig;

/// <summary><c>--target rig --rig MAP</c>: parsed, and a bad map stops the run with exit 3 before any scenario.</summary>
public sealed class RigCommandLineTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void TryParse_TargetRigWithMap_Parsed()
    {
        Assert.True(HilArguments.TryParse(["run", "a.json", "--target", "rig", "--rig", "hardware/rig/villa-rig.json"], out var parsed, out _));

        Assert.Equal("rig", parsed.Target);
        Assert.Equal("hardware/rig/villa-rig.json", parsed.RigMap);
    }

    [Theory]
    [InlineData("--target rig", "--target rig needs --rig MAP")]
    [InlineData("--rig m.json", "--rig is for --target rig")]
    [InlineData("--target board", "--target needs sim or rig")]
    [InlineData("--target rig --rig m.json --keep-data d", "--keep-data and --start are for the simulation")]
    public void TryParse_BadRigOptions_Refused(string options, string error)
    {
        Assert.False(HilArguments.TryParse(["run", "a.json", .. options.Split(' ')], out _, out var problem));

        Assert.Equal(error, problem);
    }

    [Fact]
    public async Task RunAsync_BadRigMap_Returns3NamingTheJsonPath()
    {
        _tree.Write("hardware/panels/sim-villa.json", "{}");
        _tree.Write("hardware/scenarios/ok.json", ScenarioJson.Json("""{ "advance": "PT1S" }"""));
        _tree.Write("rig.json", """{ "panel": "hardware/panels/sim-villa.json", "panelId": "p", "station": "rig.json", "drives": [], "wires": [] }""");

        var code = await HilCommand.RunAsync(["run", "hardware/scenarios/ok.json", "--target", "rig", "--rig", _tree.Path("rig.json")],
            _output, _error, TargetFactories.Select, _tree.Root, default);

        Assert.Equal(ExitCodes.RigMap, code);
        Assert.Contains("panel-hil: rig map: ", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("$.wires: unknown field", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
    }
}
