using MQTTnet;
using PanelAgent.Broker.Tests.Support;

namespace PanelAgent.Broker.Tests;

/// <summary>MQTT 5 shared subscriptions, which MQTTnet.Server refuses by itself and the embedded broker adds.</summary>
public sealed class SharedSubscriptionTests
{
    private const int Messages = 40;

    [Fact]
    public async Task Publish_TwoMembersOfOneGroup_EachMessageGoesToExactlyOneInTurn()
    {
        await using var rig = await BrokerRig.StartAsync();
        var one = await rig.ConnectAsync("station", "station-1");
        var two = await rig.ConnectAsync("station", "station-2");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await one.SubscribeAsync("$share/stations/panels/+/events"));
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await two.SubscribeAsync("$share/stations/panels/+/events"));
        var audit = await rig.ConnectAsync("station", "station-audit");
        await audit.SubscribeAsync("panels/#"); // a plain subscriber gets everything, beside the group
        var panel = await rig.ConnectAsync("panel-a");

        for (var i = 0; i < Messages; i++)
        {
            await panel.PublishAsync("panels/panel-a/events", $"m{i}");
        }

        // Two fences, one per member in turn: once both arrived, each member's queue before them has arrived too.
        await panel.PublishAsync("panels/panel-a/events", "fence-1");
        await panel.PublishAsync("panels/panel-a/events", "fence-2");
        await Until.TrueAsync(() => one.All.Concat(two.All).Count(m => m.Payload.StartsWith("fence", StringComparison.Ordinal)) == 2);
        await Until.TrueAsync(() => audit.All.Count == Messages + 2);

        var got = one.All.Concat(two.All).Select(m => m.Payload).Where(p => p.StartsWith('m')).ToList();
        Assert.Equal(Enumerable.Range(0, Messages).Select(i => $"m{i}").Order(), got.Order());
        Assert.Equal(Messages / 2 + 1, one.All.Count); // round robin
        Assert.Equal(Messages / 2 + 1, two.All.Count);
    }

    [Fact]
    public async Task Publish_TwoGroups_EachGroupGetsEveryMessageOnce()
    {
        await using var rig = await BrokerRig.StartAsync();
        var a = await rig.ConnectAsync("station", "station-a");
        var b = await rig.ConnectAsync("station", "station-b");
        await a.SubscribeAsync("$share/one/panels/+/events");
        await b.SubscribeAsync("$share/two/panels/+/events");
        var panel = await rig.ConnectAsync("panel-a");

        await panel.PublishAsync("panels/panel-a/events", "x");

        Assert.Equal("x", (await a.NextAsync()).Payload);
        Assert.Equal("x", (await b.NextAsync()).Payload);
    }

    [Fact]
    public async Task Publish_MemberLeftTheGroup_RemainingMemberGetsEverything()
    {
        await using var rig = await BrokerRig.StartAsync();
        var one = await rig.ConnectAsync("station", "station-1");
        var two = await rig.ConnectAsync("station", "station-2");
        await one.SubscribeAsync("$share/stations/panels/+/events");
        await two.SubscribeAsync("$share/stations/panels/+/events");
        await two.Client.UnsubscribeAsync("$share/stations/panels/+/events", CancellationToken.None);
        var panel = await rig.ConnectAsync("panel-a");

        for (var i = 0; i < 4; i++)
        {
            await panel.PublishAsync("panels/panel-a/events", $"m{i}");
            Assert.Equal($"m{i}", (await one.NextAsync()).Payload);
        }

        Assert.Empty(two.All);
    }

    [Theory]
    [InlineData("$share//panels/+/events")]
    [InlineData("$share/g+/panels/+/events")]
    [InlineData("$share/stations")]
    [InlineData("$share/stations/")]
    public async Task Subscribe_MalformedShare_IsTopicFilterInvalid(string filter)
    {
        await using var rig = await BrokerRig.StartAsync();
        var station = await rig.ConnectAsync("station");

        Assert.Equal(MqttClientSubscribeResultCode.TopicFilterInvalid, await station.SubscribeAsync(filter));
    }
}
