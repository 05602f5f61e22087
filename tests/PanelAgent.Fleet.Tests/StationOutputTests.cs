namespace PanelAgent.Fleet.Tests;

public sealed class StationOutputTests
{
    private const string Line =
        """{"panel":"fleet-00001","seq":7,"type":"disarmed","zone":null,"user":1,"detail":null,"at":"2026-12-03T10:00:00.000Z","sia":"OP","cid":"1401","station":"@S","received":"2026-12-03T10:00:00.@MSZ"}""";

    [Fact]
    public void Add_SameEventFromTwoStations_OneDeliveryTwoLines()
    {
        var output = new StationOutput();

        output.Add(Line.Replace("@S", "st-1").Replace("@MS", "040"));
        output.Add(Line.Replace("@S", "st-2").Replace("@MS", "015"));

        Assert.True(output.TryGet("fleet-00001", 7, out var delivery));
        Assert.Equal(2, delivery.Count);
        Assert.Equal(0, output.RepeatedByStation);
        Assert.Equal(2, output.Lines);
    }

    [Fact]
    public void Add_SameEventTwiceFromOneStation_CountedAsRepeatedByStation()
    {
        var output = new StationOutput();

        output.Add(Line.Replace("@S", "st-1").Replace("@MS", "040"));
        output.Add(Line.Replace("@S", "st-1").Replace("@MS", "041"));

        Assert.Equal(1, output.RepeatedByStation);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"panel":"p","seq":null,"type":"panel.lost"}""")]
    [InlineData("""{"panel":"p","seq":3}""")]
    public void Add_NotAnEventLine_CountedUnreadableNotDelivered(string line)
    {
        var output = new StationOutput();

        output.Add(line);

        Assert.Equal(1, output.Unreadable);
        Assert.Equal(0, output.Lines);
        Assert.False(output.TryGet("p", 3, out _));
    }
}
