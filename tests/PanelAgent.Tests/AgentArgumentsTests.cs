namespace PanelAgent.Tests;

public sealed class AgentArgumentsTests
{
    [Fact]
    public void Parse_NoArguments_RunsTheBoardWithTheDefaultConfig()
    {
        var parsed = AgentArguments.Parse([], out var error);

        Assert.Null(error);
        Assert.NotNull(parsed);
        Assert.Equal(AgentArguments.DefaultConfig, parsed.ConfigPath);
        Assert.False(parsed.Simulate);
        Assert.Null(parsed.DataDirectory);
        Assert.Null(parsed.StormZone);
        Assert.Empty(parsed.ConfigOverrides());
    }

    [Fact]
    public void Parse_SimulationWithDataAndStorm_ReadsEveryValue()
    {
        var parsed = AgentArguments.Parse(
            ["--storm-interval", "7", "--config", "/etc/p.json", "--simulate", "--data", "/tmp/x", "--storm", "mains"], out var error);

        Assert.Null(error);
        Assert.Equal(
            new AgentArguments
            {
                ConfigPath = "/etc/p.json",
                Simulate = true,
                DataDirectory = "/tmp/x",
                StormZone = "mains",
                StormInterval = TimeSpan.FromMilliseconds(7),
            },
            parsed);
    }

    [Fact]
    public void Parse_StormWithoutInterval_TogglesEvery2Ms()
    {
        var parsed = AgentArguments.Parse(["--simulate", "--storm", "mains"], out _);

        Assert.Equal(TimeSpan.FromMilliseconds(2), parsed?.StormInterval);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    public void Parse_Help_AsksForUsage(string option)
    {
        var parsed = AgentArguments.Parse([option], out var error);

        Assert.Null(error);
        Assert.True(parsed?.Help);
    }

    [Fact]
    public void Parse_UnknownOption_RefusedNamingIt()
    {
        var parsed = AgentArguments.Parse(["--simulate", "--frobnicate"], out var error);

        Assert.Null(parsed);
        Assert.Equal("unknown or incomplete option '--frobnicate'", error);
    }

    [Theory]
    [InlineData("--storm", "mains")]
    [InlineData("--data", "/tmp/x")]
    public void Parse_SimulationOptionWithoutSimulate_Refused(string option, string value)
    {
        var parsed = AgentArguments.Parse([option, value], out var error);

        Assert.Null(parsed);
        Assert.Equal("--data and --storm are for --simulate only", error);
    }

    [Theory]
    [InlineData("--config")]
    [InlineData("--simulate", "--data")]
    [InlineData("--simulate", "--storm")]
    [InlineData("--simulate", "--data", "")]
    [InlineData("--simulate", "--storm", "mains", "--storm-interval")]
    public void Parse_OptionMissingItsValue_Refused(params string[] args)
    {
        var parsed = AgentArguments.Parse(args, out var error);

        Assert.Null(parsed);
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("fast")]
    public void Parse_StormIntervalNotPositive_Refused(string value)
    {
        var parsed = AgentArguments.Parse(["--simulate", "--storm", "mains", "--storm-interval", value], out var error);

        Assert.Null(parsed);
        Assert.NotNull(error);
    }

    [Fact]
    public void ConfigOverrides_DataDirectory_PutsDatabaseAndPepperInIt()
    {
        var parsed = AgentArguments.Parse(["--simulate", "--data", "/tmp/sim-run"], out _);

        var overrides = parsed!.ConfigOverrides();

        Assert.Equal("/tmp/sim-run/panel.db", overrides["Storage:Path"]);
        Assert.Equal("/tmp/sim-run/pepper", overrides["Panel:Codes:PepperPath"]);
    }
}
