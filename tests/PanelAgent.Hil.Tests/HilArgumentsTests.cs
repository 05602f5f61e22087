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

    [Theory]
    [InlineData(new string[0], "missing command")]
    [InlineData(new[] { "walk", "a.json" }, "unknown command \"walk\"")]
    [InlineData(new[] { "run" }, "no scenario files given")]
    [InlineData(new[] { "run", "a.json", "--junit" }, "--junit needs a PATH")]
    [InlineData(new[] { "run", "a.json", "--junit", "--timeline" }, "--junit needs a PATH")]
    [InlineData(new[] { "run", "a.json", "--verbose" }, "unknown option \"--verbose\"")]
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
