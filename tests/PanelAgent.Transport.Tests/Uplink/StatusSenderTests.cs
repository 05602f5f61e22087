using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Storage;
using PanelAgent.TestSupport;
using PanelAgent.Transport.Tests.Support;
using PanelAgent.Transport.Uplink;

namespace PanelAgent.Transport.Tests.Uplink;

/// <summary>Issue 3 §1/§4: sealed, retained status on a real Mosquitto: online, heartbeats, and the offline will.</summary>
public sealed class StatusSenderTests(TestPki pki) : IClassFixture<TestPki>
{
    private const string Status = "panels/panel-a/status";

    [Fact]
    public async Task RunAsync_SealsOnlineThenHeartbeats_AndTheWillIsASealedOffline()
    {
        var keys = new KeyRing();
        keys.Add(KeyDerivation.DeriveKeySet(RandomNumberGenerator.GetBytes(32), "panel-a", 1));
        var opener = EnvelopeOpener.ForStation(keys, new ReplayGuard(TimeProvider.System));
        var directory = Directory.CreateTempSubdirectory("pa-status-");
        using var outbox = SqliteStoreOpener.Open(Path.Combine(directory.FullName, "panel.db"), TimeProvider.System,
            NullLogger.Instance).Store;
        await using var broker = await MosquittoBroker.StartAsync(pki);
        await using var station = await StationClient.ConnectAsync(pki, broker.Port);
        using var stop = new CancellationTokenSource();
        StatusSender sender = null!;
        var link = new LinkHarness(pki, "panel-a", broker.Port).Start(supervisor => sender = new StatusSender(
            MessageSealer.ForPanel(keys, new InMemoryNonceEpochStore(), TimeProvider.System), supervisor, outbox,
            new EventUplinkOptions { PanelId = "panel-a", HeartbeatInterval = TimeSpan.FromSeconds(1) },
            TimeProvider.System, NullLogger.Instance));
        var running = sender.RunAsync(stop.Token);

        var online = Open(opener, await station.NextRawAsync(Status));
        var heartbeat = Open(opener, await station.NextRawAsync(Status));
        await stop.CancelAsync();
        await running;
        await link.DisposeAsync(); // DISCONNECT with reason 0x04: the broker publishes the will
        var will = opener.Open(await station.NextRawAsync(Status), "panel-a", TopicKind.Status);

        directory.Delete(recursive: true);
        Assert.Equal((StatusStates.Online, 1, 0L), (online.State, online.IntervalSeconds, online.Pending));
        Assert.Equal(StatusStates.Heartbeat, heartbeat.State);
        Assert.NotNull(will.Header); // authentic; sealed at connect, so older than the heartbeats
        Assert.True(StatusPayloadCodec.TryDecode(will.IsAccepted ? will.Payload : will.StalePayload, out var offline));
        Assert.Equal(StatusStates.Offline, offline!.State);
    }

    private static StatusPayload Open(EnvelopeOpener opener, byte[] message)
    {
        var opened = opener.Open(message, "panel-a", TopicKind.Status);
        Assert.Equal(OpenStatus.Accepted, opened.Status);
        Assert.True(StatusPayloadCodec.TryDecode(opened.Payload, out var payload));
        return payload!;
    }
}
