namespace PanelAgent.Fleet.Tests;

public sealed class FleetArgumentsTests
{
    [Fact]
    public void Parse_PanelsAndStations_TakenAsGiven()
    {
        var parsed = FleetArguments.Parse(["--json", "--panels", "100,2500", "--stations", "3"], out var error);

        Assert.Null(error);
        Assert.True(parsed!.Json);
        Assert.Equal([100, 2500], parsed.Settings.Panels);
        Assert.Equal([3], parsed.Settings.Stations);
    }

    [Theory]
    [InlineData("--stations", "4", "--stations")]
    [InlineData("--stations", "0", "--stations")]
    [InlineData("--panels", "10x", "--panels")]
    [InlineData("--panels", ",", "--panels")]
    [InlineData("--bogus", "1", "--bogus")]
    public void Parse_BadValue_ErrorNamesTheOption(string option, string value, string named)
    {
        var parsed = FleetArguments.Parse([option, value], out var error);

        Assert.Null(parsed);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }
}
