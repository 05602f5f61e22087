using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PanelAgent.Core.Capture;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Core.State;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Images;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Storage;
using PanelAgent.Storage.Images;
using PanelAgent.TestSupport;
using PanelAgent.Transport.Images;
using PanelAgent.Transport.Tests.Support;

namespace PanelAgent.Transport.Tests.Images;

/// <summary>Images through a real Mosquitto: after the alarm event, chunked under the packet limit, sealed on the wire.</summary>
public sealed class ImageUplinkTests(TestPki pki) : IClassFixture<TestPki>, IAsyncLifetime
{
    private const string PanelId = "panel-a";
    private readonly string _directory = Directory.CreateTempSubdirectory("pa-images-").FullName;
    private readonly KeyRing _keys = new();
    private MosquittoBroker _broker = null!;
    private LinkHarness _link = null!;
    private BrokerSniffer _sniffer = null!;
    private SqliteEventStore _store = null!;
    private SqliteImageStore _images = null!;
    private ImageUplink _uplink = null!;

    // The uplink's own clock (ack timeouts, resends); sealing and the link run on the system clock.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        _keys.Add(KeyDerivation.DeriveKeySet(RandomNumberGenerator.GetBytes(32), PanelId, 1));
        _broker = await MosquittoBroker.StartAsync(pki);
        _sniffer = await BrokerSniffer.ConnectAsync(pki, _broker.Port);
        _link = new LinkHarness(pki, PanelId, _broker.Port).Start();
        await _link.WaitConnectedAsync();
        var db = Path.Combine(_directory, "panel.db");
        _store = SqliteStoreOpener.Open(db, TimeProvider.System, NullLogger.Instance).Store;
        _images = SqliteImageStore.Open(db, new ImageStoreOptions { Directory = Path.Combine(_directory, "images") },
            new NoLog(), TimeProvider.System, NullLogger.Instance);
        var sealer = MessageSealer.ForPanel(_keys, new SqliteNonceEpochStore(_store), TimeProvider.System);
        _uplink = new ImageUplink(_images, _store, sealer, _link.Supervisor, new ImageUplinkOptions(PanelId, 8192),
            _clock, NullLogger.Instance);
    }

    [Fact]
    public async Task SendPending_AlarmEventUnacknowledged_WaitsThenSendsSealedChunks()
    {
        var alarm = _store.Commit([new PanelEvent(EventKinds.AlarmIntrusion, DateTimeOffset.UtcNow, "hall-pir")], PanelState.Initial)[0];
        var jpeg = Jpeg(30_000);
        var id = _images.Save(new ImageRecord(alarm.Sequence, "hall-pir", "hall-cam", 0, CaptureReason.Intrusion, false,
            DateTimeOffset.UtcNow, 640, 480), jpeg);

        Assert.Equal(0, await _uplink.SendPendingAsync(CancellationToken.None)); // the alarm event goes first
        _store.Acknowledge(alarm.Sequence, DateTimeOffset.UtcNow);
        Assert.Equal(1, await _uplink.SendPendingAsync(CancellationToken.None));
        Assert.Single(_images.Unsent(10)); // published, not delivered: that takes the station's acknowledgement

        var chunks = await ImageMessagesAsync(expected: 5);
        Assert.All(chunks, c => Assert.True(c.Length <= 8192, $"chunk of {c.Length} bytes over the packet limit"));
        Assert.All(chunks, c => Assert.True(c.AsSpan().IndexOf([(byte)0xFF, (byte)0xD8, (byte)0xFF]) < 0, "JPEG marker in clear"));
        var opener = EnvelopeOpener.ForStation(_keys, new ReplayGuard(TimeProvider.System));
        var parts = chunks.Select(c => ImageChunkCodec.TryDecode(opener.Open(c, PanelId, TopicKind.Images).Payload, out _)!)
            .OrderBy(c => c.Index).ToList();
        Assert.All(parts, p => Assert.Equal((id, alarm.Sequence), (p.ImageId, p.AlarmSeq)));
        Assert.Equal(jpeg, parts.SelectMany(p => p.Data).ToArray());
    }

    [Fact]
    public async Task SendPending_NoAcknowledgement_ResentAfterTheAckTimeoutWithBackoffUntilAcknowledged()
    {
        var id = SaveImage(alarmSeq: 12);
        var timeout = new ImageUplinkOptions(PanelId).AckTimeout;

        Assert.Equal(1, await _uplink.SendPendingAsync(CancellationToken.None));
        _clock.Advance(timeout - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _uplink.SendPendingAsync(CancellationToken.None)); // the station may still answer
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _uplink.SendPendingAsync(CancellationToken.None)); // the broker may have lost it
        _clock.Advance(timeout);
        Assert.Equal(0, await _uplink.SendPendingAsync(CancellationToken.None)); // the second wait is twice as long
        _clock.Advance(timeout);
        Assert.Equal(1, await _uplink.SendPendingAsync(CancellationToken.None));
        Assert.Equal(2, _uplink.Resent);

        _uplink.Acknowledge([id]);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await _uplink.SendPendingAsync(CancellationToken.None));
        Assert.Empty(_images.Unsent(10));
        Assert.Equal(0, _uplink.AwaitingAcknowledgement);
        await ImageMessagesAsync(expected: 3 * ChunksOf(2000));
    }

    [Fact]
    public async Task RunAsync_BrokerRestartedWhileAnImageAwaitsTheStation_SentAgainOnReconnectNotAfterTheTimeout()
    {
        using var stop = new CancellationTokenSource();
        var running = _uplink.RunAsync(stop.Token);
        SaveImage(alarmSeq: 12);
        _uplink.Notify();
        await UntilAsync(() => _uplink.AwaitingAcknowledgement == 1, "the first send");

        // The broker took the chunks (PUBACK) and died with them; the uplink's own clock does not move at all.
        await _broker.KillAsync();
        await _broker.RestartAsync();
        await _link.WaitConnectedAsync();

        await UntilAsync(() => _uplink.Resent == 1, "the image sent again on the new connection");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task SendPending_ImageExpiresWhileAwaitingTheStation_NoLongerAwaited()
    {
        SaveImage(alarmSeq: 12);
        Assert.Equal(1, await _uplink.SendPendingAsync(CancellationToken.None));

        Assert.Equal(1, _images.Prune(DateTimeOffset.UtcNow.AddDays(8))); // retention: 7 days

        Assert.Equal(0, await _uplink.SendPendingAsync(CancellationToken.None));
        Assert.Equal(0, _uplink.AwaitingAcknowledgement);
    }

    [Fact]
    public async Task SendPending_ManyAwaitingTheStation_NewerImagesStillGoOut()
    {
        for (var i = 0; i < 20; i++)
        {
            SaveImage(alarmSeq: 100 + i);
        }

        // Oldest first, a batch at a time; those awaiting the station do not block the ones behind them.
        Assert.Equal(16, await _uplink.SendPendingAsync(CancellationToken.None));
        Assert.Equal(4, await _uplink.SendPendingAsync(CancellationToken.None));
        Assert.Equal(0, await _uplink.SendPendingAsync(CancellationToken.None));
        Assert.Equal(20, _uplink.AwaitingAcknowledgement);
    }

    [Fact]
    public async Task SendPending_WithheldSabotageFrames_NotSentUntilReleased()
    {
        _images.Save(new ImageRecord(9, null, "hall-cam", 0, CaptureReason.Sabotage, true, DateTimeOffset.UtcNow, 640, 480), Jpeg(2000));
        Assert.Equal(0, await _uplink.SendPendingAsync(CancellationToken.None));
        _images.Release(9);
        Assert.Equal(1, await _uplink.SendPendingAsync(CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        _images.Dispose();
        _store.Dispose();
        await _link.DisposeAsync();
        await _sniffer.DisposeAsync();
        await _broker.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<List<byte[]>> ImageMessagesAsync(int expected)
    {
        using var deadline = new CancellationTokenSource(LinkHarness.Patience);
        List<byte[]> found;
        while ((found = [.. _sniffer.Messages.Where(m => m.Topic == $"panels/{PanelId}/images").Select(m => m.Payload)]).Count < expected)
        {
            await Task.Delay(10, deadline.Token); // waiting for arrival, not timing anything
        }

        return found;
    }

    /// <summary>An image of a disarm sabotage check, released: no alarm event waits before it.</summary>
    private long SaveImage(long alarmSeq)
    {
        var id = _images.Save(new ImageRecord(alarmSeq, null, "hall-cam", 0, CaptureReason.Sabotage, true, DateTimeOffset.UtcNow,
            640, 480), Jpeg(2000));
        _images.Release(alarmSeq);
        return id;
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + LinkHarness.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not reached in time: {what}");
            await Task.Delay(10).ConfigureAwait(false); // waiting for it, not timing it
        }
    }

    private static int ChunksOf(int length) =>
        ImageChunkCodec.Split(new byte[length], 1, 1, DateTimeOffset.UnixEpoch, 0, "hall-pir", "hall-cam", 8192).Count;

    private static byte[] Jpeg(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        return bytes;
    }

    private sealed class NoLog : IAccessLog
    {
        public void Append(AccessEntry entry)
        {
        }
    }
}
