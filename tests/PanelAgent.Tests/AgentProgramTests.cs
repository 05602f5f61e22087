using System.Diagnostics;
using System.Text.Json.Nodes;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests;

/// <summary>The built panel-agent, run as a process: exit codes, field-named config errors, start and SIGTERM.</summary>
[Collection(AgentProcessCollection.Name)]
public sealed class AgentProgramTests : IDisposable
{
    private static readonly TimeSpan s_exitTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _dir = new();

    public static TheoryData<string, string> BadConfigs => new()
    {
        { "entry-delay-1-min", "Panel:EntryDelay" },
        { "misspelt-key", "'EntryDelai'" },
        { "unknown-zone-type", "Panel:Zones[3]:Type" },
        { "weak-code", "Panel:Users[0]:Code" },
        { "zone-without-input", "Panel:Zones[10]:Id" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public async Task RunAsync_InvalidConfig_Exits78NamingTheField(string variant, string field)
    {
        var config = SimVilla.Json();
        switch (variant)
        {
            case "entry-delay-1-min":
                config["Panel"]!["EntryDelay"] = "00:01:00";
                break;
            case "misspelt-key":
                var panel = config["Panel"]!.AsObject();
                panel["EntryDelai"] = panel["EntryDelay"]!.DeepClone();
                panel.Remove("EntryDelay");
                break;
            case "unknown-zone-type":
                config["Panel"]!["Zones"]![3]!["Type"] = "laser-fence";
                break;
            case "weak-code":
                config["Panel"]!["Users"]![0]!["Code"] = "1234";
                break;
            case "zone-without-input":
                SimVilla.Input(config, "water-leak")["Zone"] = "water-lake";
                break;
        }

        var (code, output) = await RunToExitAsync(config);

        Assert.Equal(ExitCodes.Config, code);
        Assert.Contains(output.Split('\n'), line =>
            line.StartsWith("panel-agent: config: ", StringComparison.Ordinal) && line.Contains(field, StringComparison.Ordinal));
        AssertNoCode(output, variant == "weak-code" ? "1234" : null);
    }

    [Fact]
    public async Task RunAsync_UnreadableJson_Exits78()
    {
        var path = _dir.Combine("broken.json");
        await File.WriteAllTextAsync(path, """{ "Panel": { "Id": "sim-villa", "Users": [ { "Code": "258013" """);

        var (code, output) = await RunToExitAsync(["--config", path, "--simulate", "--data", _dir.Combine("data")]);

        Assert.Equal(ExitCodes.Config, code);
        Assert.Contains("not valid JSON", output, StringComparison.Ordinal);
        AssertNoCode(output);
        Assert.False(Directory.Exists(_dir.Combine("data")), "nothing may be opened before the config is valid");
    }

    [Fact]
    public async Task RunAsync_MissingConfigFile_Exits78NamingThePath()
    {
        var (code, output) = await RunToExitAsync(["--config", _dir.Combine("absent.json")]);

        Assert.Equal(ExitCodes.Config, code);
        Assert.Contains("--config: no file at '<dir>/absent.json'", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("--storm", "mains")]
    [InlineData("--simulate", "--data")]
    public async Task RunAsync_BadCommandLine_Exits64WithUsage(params string[] arguments)
    {
        var (code, output) = await RunToExitAsync(arguments);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(AgentArguments.Usage, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SimulateThenSigterm_LogsReadyAndExits0()
    {
        var data = _dir.Combine("data");
        using var agent = AgentProcess.Start(_dir.FullPath, ["--config", SimVilla.ConfigPath, "--simulate", "--data", data]);

        var ready = await agent.WaitForLineAsync(IsReadyLine, s_readyTimeout);
        var stopping = Stopwatch.StartNew();
        agent.Terminate();
        var code = await agent.WaitForExitAsync(s_exitTimeout);
        stopping.Stop();

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Panel ready in Disarmed: 11 zones, 3 users", ready, StringComparison.Ordinal);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"SIGTERM to exit took {stopping.Elapsed}");
        Assert.True(File.Exists(Path.Combine(data, "panel.db")), "--data must hold the database");
        Assert.True(File.Exists(Path.Combine(data, "pepper")), "--data must hold the pepper");
        AssertNoCode(agent.AllOutput.Replace(_dir.FullPath, "<dir>", StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();

    internal static bool IsReadyLine(string line) => line.Contains("Panel ready in ", StringComparison.Ordinal);

    private static void AssertNoCode(string output, string? alsoSecret = null)
    {
        foreach (var secret in SimVilla.Codes.Append(alsoSecret).OfType<string>())
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }
    }

    private Task<(int Code, string Output)> RunToExitAsync(JsonObject config)
    {
        var path = SimVilla.Write(config, _dir.Combine("panel.json"));
        return RunToExitAsync(["--config", path, "--simulate", "--data", _dir.Combine("data")]);
    }

    /// <summary>Runs to the exit; the output comes back with the temp folder's random name masked.</summary>
    private async Task<(int Code, string Output)> RunToExitAsync(IEnumerable<string> arguments)
    {
        using var agent = AgentProcess.Start(_dir.FullPath, arguments);
        var code = await agent.WaitForExitAsync(s_exitTimeout);
        return (code, agent.AllOutput.Replace(_dir.FullPath, "<dir>", StringComparison.Ordinal));
    }
}
