using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PanelAgent.Broker.Tests.Support;

namespace PanelAgent.Broker.Tests;

/// <summary>The embedded broker's security: mutual TLS, the client id tied to the CN, the CRL and the ACL.</summary>
public sealed class PanelBrokerTests
{
    [Fact]
    public async Task Connect_PanelCertificateFromStationCa_PublishesOwnEventsToStation()
    {
        await using var rig = await BrokerRig.StartAsync();
        var station = await rig.ConnectAsync("station");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await station.SubscribeAsync("panels/#"));
        var panel = await rig.ConnectAsync("panel-a");

        var result = await panel.PublishAsync("panels/panel-a/events", "sealed");

        Assert.True(result.IsSuccess, result.ReasonCode.ToString());
        Assert.Equal(new Inbox.Received("panels/panel-a/events", "sealed", false), await station.NextAsync());
    }

    [Fact]
    public async Task Connect_ClientCertificateFromRogueCa_IsRefusedDuringTls()
    {
        await using var rig = await BrokerRig.StartAsync();
        var client = rig.NewClient();

        await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(rig.ClientOptions("rogue-panel-a", "panel-a")));

        Assert.False(client.IsConnected);
        Assert.True(rig.Log.Logged(5510), "refused in the TLS handshake (certificate check)");
        Assert.False(rig.Log.Logged(5531), "never reached CONNECT");
    }

    [Fact]
    public async Task Connect_BrokerNotFromPinnedCa_IsRefusedByClient()
    {
        await using var rig = await BrokerRig.StartAsync();
        var rogueCa = X509CertificateLoader.LoadCertificateFromFile(rig.Pki.PathOf("rogue-ca.pem"));
        var certificate = X509Certificate2.CreateFromPemFile(rig.Pki.CertFile("panel-a"), rig.Pki.KeyFile("panel-a"));
        var options = new MqttClientOptionsBuilder().WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTcpServer("127.0.0.1", rig.Port).WithClientId("panel-a").WithTimeout(TimeSpan.FromSeconds(5))
            .WithTlsOptions(o => o.UseTls().WithTrustChain([rogueCa]).WithClientCertificates([certificate])
                .WithRevocationMode(X509RevocationMode.NoCheck))
            .Build();

        await Assert.ThrowsAnyAsync<Exception>(() => rig.NewClient().ConnectAsync(options));
    }

    [Fact]
    public async Task Connect_RevokedPanelCertificate_IsRefused()
    {
        await using var rig = await BrokerRig.StartAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => rig.NewClient().ConnectAsync(rig.ClientOptions("panel-revoked", "panel-revoked")));

        Assert.Contains(rig.Log.Entries, e => e.Id == 5510 && e.Text.Contains("revoked", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("panel-a", "panel-b")]
    [InlineData("panel-a", "station")]
    [InlineData("panel-a", "panel-a-2")]
    [InlineData("station", "panel-a")]
    [InlineData("station", "stationx")]
    public async Task Connect_ClientIdOtherThanCertificateCn_IsRefusedClientIdentifierNotValid(string identity, string clientId)
    {
        await using var rig = await BrokerRig.StartAsync();

        var client = rig.NewClient();

        var outcome = await ConnectOutcomeAsync(client, rig.ClientOptions(identity, clientId));

        Assert.Contains(nameof(MqttClientConnectResultCode.ClientIdentifierNotValid), outcome, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }

    [Theory]
    [InlineData("station")]
    [InlineData("station-2")]
    public async Task Connect_StationCertificateAsStationOrInstance_IsAccepted(string clientId)
    {
        await using var rig = await BrokerRig.StartAsync();

        var station = await rig.ConnectAsync("station", clientId);

        Assert.True(station.Client.IsConnected);
    }

    [Theory]
    [InlineData("panels/panel-b/events")]
    [InlineData("panels/panel-a/acks")]
    [InlineData("panels/panel-a/commands")]
    [InlineData("panels/panel-a/other")]
    [InlineData("anything")]
    public async Task Publish_TopicOutsidePanelAcl_IsNotAuthorizedAndNotDelivered(string topic)
    {
        await using var rig = await BrokerRig.StartAsync();
        var station = await rig.ConnectAsync("station");
        await station.SubscribeAsync("panels/#");
        var panel = await rig.ConnectAsync("panel-a");

        var denied = await panel.PublishAsync(topic, "forged");
        await panel.PublishAsync("panels/panel-a/status", "fence");

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, denied.ReasonCode);
        Assert.Equal("fence", (await station.NextAsync()).Payload);
        Assert.DoesNotContain(station.All, m => m.Payload == "forged");
    }

    [Theory]
    [InlineData("panel-a", "panels/panel-b/acks")]
    [InlineData("panel-a", "panels/+/acks")]
    [InlineData("panel-a", "panels/panel-a/#")]
    [InlineData("panel-a", "panels/panel-a/events")]
    [InlineData("panel-a", "$share/g/panels/panel-b/commands")]
    [InlineData("station", "#")]
    [InlineData("station", "$share/stations/#")]
    public async Task Subscribe_FilterWiderThanAcl_IsNotAuthorized(string identity, string filter)
    {
        await using var rig = await BrokerRig.StartAsync();
        var client = await rig.ConnectAsync(identity);

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await client.SubscribeAsync(filter));
    }

    [Theory]
    [InlineData("panel-a", "panels/panel-a/acks")]
    [InlineData("panel-a", "panels/panel-a/commands")]
    [InlineData("station", "panels/#")]
    [InlineData("station", "$share/stations/panels/+/events")]
    public async Task Subscribe_FilterInsideAcl_IsGranted(string identity, string filter)
    {
        await using var rig = await BrokerRig.StartAsync();
        var client = await rig.ConnectAsync(identity);

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await client.SubscribeAsync(filter));
    }

    [Fact]
    public async Task Subscribe_RetainedStatus_IsDeliveredToLateSubscriberAsRetained()
    {
        await using var rig = await BrokerRig.StartAsync();
        var panel = await rig.ConnectAsync("panel-a");
        await panel.PublishAsync("panels/panel-a/status", "online", retain: true);

        var station = await rig.ConnectAsync("station");
        await station.SubscribeAsync("panels/+/status");

        Assert.Equal(new Inbox.Received("panels/panel-a/status", "online", true), await station.NextAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Disconnect_LostLinkOrReason0x04_PublishesRetainedWill(bool disconnectWithWill)
    {
        await using var rig = await BrokerRig.StartAsync();
        var station = await rig.ConnectAsync("station");
        await station.SubscribeAsync("panels/+/status");
        var panel = await rig.ConnectAsync("panel-a", more: b => b.WithWillTopic("panels/panel-a/status")
            .WithWillPayload("offline").WithWillRetain(true).WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));

        if (disconnectWithWill)
        {
            await panel.Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder()
                .WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage).Build());
        }
        else
        {
            panel.Client.Dispose(); // the socket closes without DISCONNECT
        }

        Assert.Equal(new Inbox.Received("panels/panel-a/status", "offline", false), await station.NextAsync());
        var late = await rig.ConnectAsync("station", "station-late");
        await late.SubscribeAsync("panels/+/status");
        Assert.True((await late.NextAsync()).Retained);
    }

    [Fact]
    public async Task Disconnect_WillOnAnotherPanelsTopic_IsNotPublished()
    {
        await using var rig = await BrokerRig.StartAsync();
        var station = await rig.ConnectAsync("station");
        await station.SubscribeAsync("panels/+/status");
        var panel = await rig.ConnectAsync("panel-a", more: b => b.WithWillTopic("panels/panel-b/status").WithWillPayload("forged"));

        var willSeen = new TaskCompletionSource<BrokerMessageEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Broker.MessageReceived += (_, e) =>
        {
            if (e.ClientId == "panel-a")
            {
                willSeen.TrySetResult(e);
            }
        };

        panel.Client.Dispose();
        Assert.False((await willSeen.Task.WaitAsync(BrokerRig.Patience)).Accepted);
        var fence = await rig.ConnectAsync("panel-b");
        await fence.PublishAsync("panels/panel-b/status", "fence");

        Assert.Equal("fence", (await station.NextAsync()).Payload);
        Assert.DoesNotContain(station.All, m => m.Payload == "forged");
    }

    /// <summary>The CONNACK result code MQTTnet 5 returns, or the message of the exception it throws with it.</summary>
    private static async Task<string> ConnectOutcomeAsync(IMqttClient client, MqttClientOptions options)
    {
        try
        {
            return (await client.ConnectAsync(options)).ResultCode.ToString();
        }
        catch (MqttConnectingFailedException e)
        {
            return e.Message;
        }
    }
}
