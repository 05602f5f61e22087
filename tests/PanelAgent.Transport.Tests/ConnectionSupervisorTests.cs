using System.Diagnostics;
using System.Text;
using MQTTnet;
using PanelAgent.TestSupport;
using PanelAgent.Transport.Tests.Support;

namespace PanelAgent.Transport.Tests;

/// <summary>The supervisor against a real Mosquitto on 127.0.0.1 with mutual TLS and the shipped ACL.</summary>
public sealed class ConnectionSupervisorTests(TestPki pki) : IClassFixture<TestPki>
{
    private static readonly byte[] s_payload = Encoding.UTF8.GetBytes("sealed-bytes-later");

    [Fact]
    public async Task RunAsync_MutualTls_ConnectsAndDeliversQos1()
    {
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var station = await StationClient.ConnectAsync(pki, broker.Port);
        await using var link = new LinkHarness(pki, "panel-a", broker.Port).Start();
        await link.WaitConnectedAsync();

        var outcome = await link.Supervisor.PublishAsync("panels/panel-a/events", s_payload, retain: false,
            CancellationToken.None);

        Assert.Equal(PublishOutcome.Sent, outcome);
        Assert.Equal(("panels/panel-a/events", "sealed-bytes-later", false), await station.NextAsync());
    }

    [Fact]
    public async Task StopAsync_AfterConnect_BrokerPublishesRetainedOfflineWill()
    {
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var link = new LinkHarness(pki, "panel-a", broker.Port).Start();
        await link.WaitConnectedAsync();

        await link.StopAsync();
        // A station connecting afterwards sees the retained will, not the earlier online.
        await using var station = await StationClient.ConnectAsync(pki, broker.Port);

        Assert.Equal(("panels/panel-a/status", "offline", true), await station.NextAsync());
    }

    [Fact]
    public async Task RunAsync_ClientCertificateFromRogueCa_IsRefusedByBroker()
    {
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var link = new LinkHarness(pki, "rogue-panel-a", broker.Port).Start();

        await link.Logger.WhenLoggedAsync(5004).WaitAsync(LinkHarness.Patience); // a whole round failed

        Assert.False(link.Supervisor.IsConnected);
        Assert.DoesNotContain(link.Logger.Lines, l => l.EventId == 5000);
        await broker.WhenLoggedAsync("certificate verify failed").WaitAsync(LinkHarness.Patience);
    }

    [Fact]
    public async Task RunAsync_PanelCertificateRevokedInBrokerCrl_IsRefused()
    {
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var link = new LinkHarness(pki, "panel-revoked", broker.Port).Start();

        await link.Logger.WhenLoggedAsync(5004).WaitAsync(LinkHarness.Patience);

        Assert.False(link.Supervisor.IsConnected);
        Assert.DoesNotContain(link.Logger.Lines, l => l.EventId == 5000);
        // OpenSSL's client-side text is "alert certificate revoked" or a plain reset, depending on which the panel
        // reads first; the broker's log says "certificate verify failed" for every refused client certificate.
        await broker.WhenLoggedAsync("certificate verify failed").WaitAsync(LinkHarness.Patience);
    }

    [Fact]
    public async Task RunAsync_BrokerCertificateRevokedInPanelCrl_IsRefusedByPanel()
    {
        await using var broker = await MosquittoBroker.StartAsync(pki);
        pki.Write("revokes-broker.crl", TestPki.CrlPem(pki.Ca, pki.Server));
        await using var link = new LinkHarness(pki, "panel-a", broker.Port);
        link.Options.CrlFile = pki.PathOf("revokes-broker.crl");
        link.Start();

        await link.Logger.WhenLoggedAsync(5004).WaitAsync(LinkHarness.Patience);

        Assert.False(link.Supervisor.IsConnected);
        Assert.Contains(link.Logger.Lines, l => l.EventId == 5020 && l.Message.Contains("revoked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_BrokerCertificateNotFromPinnedCa_IsRefusedByPanel()
    {
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var link = new LinkHarness(pki, "panel-a", broker.Port);
        link.Options.CaFile = pki.PathOf("rogue-ca.pem");
        link.Start();

        await link.Logger.WhenLoggedAsync(5004).WaitAsync(LinkHarness.Patience);

        Assert.False(link.Supervisor.IsConnected);
        Assert.Contains(link.Logger.Lines, l => l.EventId == 5020 && l.Message.Contains("RemoteCertificateChainErrors", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PanelCrlWithoutTheBroker_Connects()
    {
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var link = new LinkHarness(pki, "panel-a", broker.Port);
        link.Options.CrlFile = pki.PathOf("empty.crl");
        link.Start();

        await link.WaitConnectedAsync();

        Assert.True(link.Supervisor.IsConnected);
    }

    [Fact]
    public async Task PublishAsync_ToAnotherPanelsTopic_IsRejectedNotAuthorizedAndNotDelivered()
    {
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var station = await StationClient.ConnectAsync(pki, broker.Port);
        await using var link = new LinkHarness(pki, "panel-a", broker.Port).Start();
        await link.WaitConnectedAsync();

        var foreign = await link.Supervisor.PublishAsync("panels/panel-b/events", s_payload, retain: false,
            CancellationToken.None);
        var own = await link.Supervisor.PublishAsync("panels/panel-a/events", s_payload, retain: false,
            CancellationToken.None);

        Assert.Equal(PublishStatus.Rejected, foreign.Status);
        Assert.StartsWith(nameof(MqttClientPublishReasonCode.NotAuthorized), foreign.Reason, StringComparison.Ordinal);
        Assert.Equal(PublishOutcome.Sent, own);
        // Same connection, so a delivered foreign message would have arrived first.
        Assert.Equal("panels/panel-a/events", (await station.NextAsync()).Topic);
    }

    [Fact]
    public async Task RunAsync_BrokerKilledAndRestarted_ReconnectsByItself()
    {
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var link = new LinkHarness(pki, "panel-a", broker.Port).Start();
        await link.WaitConnectedAsync();
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        link.Supervisor.Disconnected += (_, _) => lost.TrySetResult();

        await broker.KillAsync();
        await lost.Task.WaitAsync(LinkHarness.Patience);
        await broker.RestartAsync();
        await link.WaitConnectedAsync();

        Assert.Equal(PublishOutcome.Sent, await link.Supervisor.PublishAsync("panels/panel-a/events", s_payload,
            retain: false, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_PrimaryEndpointDown_ConnectsThroughBackup()
    {
        await using var broker = await MosquittoBroker.StartAsync(pki);
        var deadPort = MosquittoBroker.FreePort();
        await using var link = new LinkHarness(pki, "panel-a", deadPort, broker.Port);
        var connected = new TaskCompletionSource<LinkConnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        link.Start().Supervisor.Connected += (_, e) => connected.TrySetResult(e);

        var args = await connected.Task.WaitAsync(LinkHarness.Patience);

        Assert.True(args.IsBackup);
        Assert.Equal(broker.Port, args.Endpoint.Port);
        Assert.Contains(link.Logger.Lines, l => l.EventId == 5001 && l.Message.Contains($":{deadPort} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_AfterLinkLost_ReturnsNotConnectedAtOnce()
    {
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var link = new LinkHarness(pki, "panel-a", broker.Port).Start();
        await link.WaitConnectedAsync();
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        link.Supervisor.Disconnected += (_, _) => lost.TrySetResult();
        await broker.KillAsync();
        await lost.Task.WaitAsync(LinkHarness.Patience);

        var clock = Stopwatch.StartNew();
        var outcome = await link.Supervisor.PublishAsync("panels/panel-a/events", s_payload, retain: false,
            CancellationToken.None);

        Assert.Equal(PublishStatus.NotConnected, outcome.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task PublishAsync_BrokerFrozen_TimesOutAtTheDeadline()
    {
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var link = new LinkHarness(pki, "panel-a", broker.Port);
        link.Options.PublishDeadline = TimeSpan.FromSeconds(1);
        link.Options.KeepAlive = TimeSpan.FromSeconds(30); // no ping may notice the freeze first
        await link.Start().WaitConnectedAsync();
        await broker.FreezeAsync();

        var clock = Stopwatch.StartNew();
        var outcome = await link.Supervisor.PublishAsync("panels/panel-a/events", s_payload, retain: false,
            CancellationToken.None);
        clock.Stop();
        await broker.ThawAsync();

        Assert.Equal(PublishStatus.TimedOut, outcome.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
    }
}
