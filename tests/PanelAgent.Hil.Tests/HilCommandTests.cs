using System.Xml.Linq;
using PanelAgent.Hil.Targets;
using PanelAgent.Hil.Tests.Fakes;

namespace PanelAgent.Hil.Tests;

public sealed class HilCommandTests : IDisposable
{
    private const string Passing = """{ "arm": "away", "code": "258013" }, { "advance": "PT31S" }""";
    private const string Failing = """{ "advance": "PT1S" }, { "expect": { "event": "alarm.fire" } }, { "disarm": "258013" }""";

    private readonly TempTree _tree = new();
    private readonly FakeTargetFactory _factory = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public HilCommandTests() => _tree.Write("hardware/panels/sim-villa.json", "{}");

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task RunAsync_EveryStepHolds_Returns0()
    {
        WriteScenario("hardware/scenarios/ok.json", Passing);

        Assert.Equal(0, await RunAsync("run", "hardware/scenarios/ok.json"));
        Assert.Equal([_tree.Path("hardware/panels/sim-villa.json")], _factory.PanelPaths);
        Assert.Contains("1 scenario(s): 1 passed, 0 failed; 2 steps: 2 passed, 0 failed, 0 skipped", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AStepFails_Returns1()
    {
        WriteScenario("hardware/scenarios/ok.json", Passing);
        WriteScenario("hardware/scenarios/bad.json", Failing);

        Assert.Equal(1, await RunAsync("run", "hardware/scenarios/ok.json", "hardware/scenarios/bad.json"));
        Assert.Equal(2, _factory.Created.Count);
    }

    [Fact]
    public async Task RunAsync_Directory_RunsItsJsonFilesInNameOrder()
    {
        WriteScenario("hardware/scenarios/b.json", Passing, "second");
        WriteScenario("hardware/scenarios/a.json", Passing, "first");
        _tree.Write("hardware/scenarios/readme.txt", "not a scenario");

        Assert.Equal(0, await RunAsync("run", "hardware/scenarios"));

        var output = _output.ToString();
        Assert.True(output.IndexOf("▶ first", StringComparison.Ordinal) < output.IndexOf("▶ second", StringComparison.Ordinal));
        Assert.Equal(2, _factory.Created.Count);
    }

    [Fact]
    public async Task RunAsync_MalformedScenario_Returns2NamingFileStepAndFieldAndRunsNothing()
    {
        WriteScenario("hardware/scenarios/ok.json", Passing);
        WriteScenario("hardware/scenarios/bad.json", """{ "expect": { "event": "alarm.fire", "zones": "x" } }""");

        Assert.Equal(2, await RunAsync("run", "hardware/scenarios"));

        Assert.Contains(
            "panel-hil: hardware/scenarios/bad.json: step 1 (expect): unknown field \"zones\"", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_factory.Created);
    }

    [Fact]
    public async Task RunAsync_PanelFileMissing_Returns2NamingTheField()
    {
        _tree.Write("elsewhere/s.json", ScenarioJson.Json(Passing).Replace("sim-villa", "no-such-villa", StringComparison.Ordinal));

        Assert.Equal(2, await RunAsync("run", "elsewhere/s.json"));
        Assert.Contains("elsewhere/s.json: field \"panel\": \"hardware/panels/no-such-villa.json\" not found", _error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("run")]
    [InlineData("run missing.json")]
    [InlineData("run hardware/panels --timeline")]
    [InlineData("run x.json --fast")]
    public async Task RunAsync_UsageError_Returns2(string commandLine)
    {
        Assert.Equal(2, await RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.StartsWith("panel-hil: ", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_Returns0AndPrintsUsage()
    {
        Assert.Equal(0, await RunAsync("--help"));
        Assert.StartsWith("usage: panel-hil run", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoTargetAvailable_Returns2WithTheReason()
    {
        WriteScenario("hardware/scenarios/ok.json", Passing);

        var code = await HilCommand.RunAsync(["run", "hardware/scenarios/ok.json"], _output, _error,
            _ => throw new NotSupportedException("simulation target not wired yet"), _tree.Root, default);

        Assert.Equal(2, code);
        Assert.Equal("panel-hil: simulation target not wired yet", _error.ToString().Trim());
    }

    [Fact]
    public async Task RunAsync_JUnit_WritesOneSuitePerScenario()
    {
        WriteScenario("hardware/scenarios/a.json", Passing, "first");
        WriteScenario("hardware/scenarios/b.json", Failing, "second");

        Assert.Equal(1, await RunAsync("run", "hardware/scenarios", "--junit", "out/junit.xml"));

        var root = XDocument.Load(_tree.Path("out/junit.xml")).Root!;
        Assert.Equal(["first", "second"], root.Elements("testsuite").Select(s => (string?)s.Attribute("name")));
        Assert.Equal(("5", "1", "1"), ((string?)root.Attribute("tests"), (string?)root.Attribute("failures"), (string?)root.Attribute("skipped")));
    }

    [Fact]
    public async Task RunAsync_JUnitPathUnwritable_Returns2()
    {
        WriteScenario("hardware/scenarios/a.json", Passing);
        _tree.Write("file", "");

        Assert.Equal(2, await RunAsync("run", "hardware/scenarios", "--junit", "file/junit.xml"));
        Assert.Contains("cannot write", _error.ToString(), StringComparison.Ordinal);
    }

    private void WriteScenario(string path, string steps, string name = "test") => _tree.Write(path, ScenarioJson.Json(steps, name));

    private Task<int> RunAsync(params string[] args) =>
        HilCommand.RunAsync(args, _output, _error, _ => (IScenarioTargetFactory)_factory, _tree.Root, default);
}
