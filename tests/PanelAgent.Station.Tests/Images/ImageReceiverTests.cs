using System.Security.Cryptography;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Images;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Station.Receiving;

namespace PanelAgent.Station.Tests.Images;

public sealed class ImageReceiverTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("station-images-").FullName;
    private readonly MessageSealer _panel;
    private readonly ImageReceiver _station;

    public ImageReceiverTests()
    {
        var keys = new KeyRing();
        keys.Add(KeyDerivation.DeriveKeySet(RandomNumberGenerator.GetBytes(32), "villa", 1));
        _panel = MessageSealer.ForPanel(keys, new Epochs(), TimeProvider.System);
        _station = new ImageReceiver(EnvelopeOpener.ForStation(keys, new ReplayGuard(TimeProvider.System)), _folder, TimeProvider.System);
    }

    [Fact]
    public void Receive_AllChunks_WritesTheJpeg()
    {
        var jpeg = ImageAssemblerTests.Jpeg(40_000, 1);
        var files = Seal(jpeg).Select(m => _station.Receive("panels/villa/images", m).File).Where(f => f is not null).ToList();
        var file = Assert.Single(files)!;
        Assert.Equal("villa-11-hall-cam-0-5.jpg", Path.GetFileName(file));
        Assert.Equal(jpeg, File.ReadAllBytes(file));
    }

    [Fact]
    public void Receive_FirstSendLostAChunk_ResendCompletesIt()
    {
        var jpeg = ImageAssemblerTests.Jpeg(40_000, 2);
        var first = Seal(jpeg);
        foreach (var message in first.Skip(1))
        {
            Assert.Null(_station.Receive("panels/villa/images", message).File);
        }

        // After a reconnect the panel seals the image again (new sequences, so not replays); the station takes the chunk
        // it lacks and ignores the ones it has.
        var files = Seal(jpeg).Select(m => _station.Receive("panels/villa/images", m).File)
            .Where(f => f is not null).ToList();
        Assert.Equal(jpeg, File.ReadAllBytes(Assert.Single(files)!));
    }

    [Fact]
    public void Receive_ImageComplete_HeldForTheAckOnceWrittenAndAgainForAWholeResend()
    {
        var jpeg = ImageAssemblerTests.Jpeg(40_000, 4);
        var first = Seal(jpeg).Select(m => _station.Receive("panels/villa/images", m)).ToList();
        Assert.True(first.Count > 1);
        Assert.All(first[..^1], r => Assert.Null(r.Held)); // incomplete: nothing to acknowledge yet
        Assert.Equal(5, first[^1].Held);

        var again = Seal(jpeg).Select(m => _station.Receive("panels/villa/images", m)).ToList();

        Assert.All(again, r => Assert.Equal(ImageAssembler.AlreadyReceived, r.Outcome));
        Assert.All(again[..^1], r => Assert.Null(r.Held)); // one ack per resend, on its last chunk
        Assert.Equal(5, again[^1].Held);
        Assert.All(again, r => Assert.Null(r.File));
    }

    [Fact]
    public void Receive_ReplayedOrForgedOrWrongTopic_WritesNothing()
    {
        var messages = Seal(ImageAssemblerTests.Jpeg(10_000, 3));
        _station.Receive("panels/villa/images", messages[0]);
        Assert.Equal("Replayed", _station.Receive("panels/villa/images", messages[0]).Outcome);
        var forged = (byte[])messages[1].Clone();
        forged[^1] ^= 1;
        Assert.NotEqual("partial", _station.Receive("panels/villa/images", forged).Outcome);
        Assert.Equal(StationCounters.BadTopic, _station.Receive("panels/villa/events", messages[1]).Outcome);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private List<byte[]> Seal(byte[] jpeg) =>
        [.. ImageChunkCodec.Split(jpeg, 5, 11, DateTimeOffset.UtcNow, 0, "hall-pir", "hall-cam", ImageChunkCodec.MinPacketLimit)
            .Select(p => _panel.Seal("villa", TopicKind.Images, p))];

    private sealed class Epochs : INonceEpochStore
    {
        private uint _epoch;

        public uint TakeNextEpoch() => Interlocked.Increment(ref _epoch);
    }
}
