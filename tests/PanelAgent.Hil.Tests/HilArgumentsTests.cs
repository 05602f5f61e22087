namespace PanelAgent.Hil.Tests;

public class HilArgumentsTests
{
    [Fact]
    public void TryParse_FilesAndOptions_AreRead()
    {
        Assert.True(HilArguments.TryParse(["run", "a.json", "--junit", "out.xml", "dir", "--timeline"], out var parsed, out _));

        Assert.Equal(["a.json", "dir"], parsed.Paths);
        Assert.Equal(("out.xml", true), (parsed.JUnitPath, parsed.Timeline));
    }

    [Fact]
    public void TryParse_Start_MovesTheVirtualClocksOrigin()
    {
        Assert.True(HilArguments.TryParse(["run", "a.json", "--start", "2026-12-03T06:00:00Z"], out var parsed, out _));

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero), parsed.Start);
    }

    [Theory]
    [InlineData(new string[0], "missing command")]
    [InlineData(new[] { "walk", "a.json" }, "unknown command \"walk\"")]
    [InlineData(new[] { "run" }, "no scenario files given")]
    [InlineData(new[] { "run", "a.json", "--junit" }, "--junit needs a PATH")]
    [InlineData(new[] { "run", "a.json", "--junit", "--timeline" }, "--junit needs a PATH")]
    [InlineData(new[] { "run", "a.json", "--verbose" }, "unknown option \"--verbose\"")]
    [InlineData(new[] { "run", "a.json", "--start", "yesterday" }, "--start needs \"now\" or an ISO 8601 instant with its offset")]
    [InlineData(new[] { "run", "a.json", "--start" }, "--start needs \"now\" or an ISO 8601 instant with its offset")]
    public void TryParse_BadArguments_SaysWhy(string[] args, string error)
    {
        Assert.False(HilArguments.TryParse(args, out var parsed, out var message));

        Assert.Null(parsed);
        Assert.Equal(error, message);
    }

    [Theory]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "run", "-h" }, true)]
    [InlineData(new[] { "help" }, true)]
    [InlineData(new[] { "run", "help" }, false)]
    public void IsHelp_HelpFlags_Recognised(string[] args, bool help) => Assert.Equal(help, HilArguments.IsHelp(args));
}
