using Microsoft.Extensions.Time.Testing;
using PanelAgent.Protocol.Images;
using PanelAgent.Station.Receiving;

namespace PanelAgent.Station.Tests.Images;

public class ImageAssemblerTests
{
    private static readonly DateTimeOffset s_at = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(s_at);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Add_ShuffledWithDuplicates_AssemblesTheExactImageOnce(int seed)
    {
        var jpeg = Jpeg(50_000, seed);
        var chunks = Chunks(jpeg);
        var random = new Random(seed);
        var delivery = chunks.Concat(chunks.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();
        var assembler = new ImageAssembler(_time);

        var results = delivery.Select(c => Written(assembler, c)).Where(r => r is not null).ToList();

        var image = Assert.Single(results)!.Value;
        Assert.Equal(jpeg, image.Jpeg);
        Assert.Equal((11L, "hall-cam", 2), (image.Description.AlarmSeq, image.Description.Camera, image.Description.Frame));
    }

    [Fact]
    public void Add_CompletedButNeverWritten_AWholeResendAssemblesItAgainNotAlreadyReceived()
    {
        // A failed write (a full disk) must not leave the image "already received": that answer is acknowledged, and
        // the panel would forget an image the station does not have.
        var chunks = Chunks(Jpeg(20_000, 5));
        var assembler = new ImageAssembler(_time);
        Assert.Single(chunks.Select(c => assembler.Add("villa", c, out _)), r => r is not null);

        var again = chunks.Select(c => (Image: assembler.Add("villa", c, out var outcome), Outcome: outcome)).ToList();

        Assert.DoesNotContain(again, r => r.Outcome == ImageAssembler.AlreadyReceived);
        Assert.Single(again, r => r.Image is not null);
    }

    [Fact]
    public void Add_ChunkLost_NoImage_DroppedAfterTimeout()
    {
        var chunks = Chunks(Jpeg(30_000, 3));
        var assembler = new ImageAssembler(_time);
        foreach (var chunk in chunks.Skip(1))
        {
            Assert.Null(assembler.Add("villa", chunk, out _));
        }

        _time.Advance(ImageAssembler.IncompleteTimeout + TimeSpan.FromSeconds(1));
        Assert.NotNull(assembler.Add("villa", Chunks(Jpeg(100, 4), imageId: 6)[0], out _)); // any arrival expires the stale
        Assert.Equal(1, assembler.Dropped);
        // The lost chunk arriving late starts a new, incomplete assembly: the image is not made up from stale parts.
        Assert.Null(assembler.Add("villa", chunks[0], out var outcome));
        Assert.Equal("partial", outcome);
    }

    [Fact]
    public void Add_ChunkDisagreeingWithTheImage_IsRefused()
    {
        var chunks = Chunks(Jpeg(30_000, 5));
        var assembler = new ImageAssembler(_time);
        assembler.Add("villa", chunks[0], out _);
        var forged = chunks[1] with { TotalLength = chunks[1].TotalLength + 1 };
        assembler.Add("villa", forged, out var outcome);
        Assert.Equal("inconsistent", outcome);
    }

    [Fact]
    public void Add_WholeNotMatchingItsHash_IsRefused()
    {
        var chunks = Chunks(Jpeg(30_000, 6));
        var assembler = new ImageAssembler(_time);
        var last = chunks[^1];
        var flipped = (byte[])last.Data.Clone();
        flipped[0] ^= 0xFF;
        var outcomes = chunks.Take(chunks.Count - 1).Append(last with { Data = flipped })
            .Select(c => (Result: assembler.Add("villa", c, out var o), Outcome: o)).ToList();
        Assert.All(outcomes, r => Assert.Null(r.Result));
        Assert.Equal("hash-mismatch", outcomes[^1].Outcome);
    }

    [Fact]
    public void Split_EveryChunk_FitsThePacketLimitOnceSealed()
    {
        var payloads = ImageChunkCodec.Split(Jpeg(200_000, 8), 1, 1, s_at, 0, "hall-pir", "hall-cam", ImageChunkCodec.MinPacketLimit);
        Assert.True(payloads.Count > 40);
        Assert.All(payloads, p => Assert.True(
            Protocol.Envelopes.EnvelopeLayout.HeaderLength(64) + Protocol.Envelopes.EnvelopeLayout.PaddedLength(p.Length) + 16 + 200
                <= ImageChunkCodec.MinPacketLimit));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(60)]
    public void TryDecode_Truncated_IsRefusedNotThrown(int keep)
    {
        var payload = ImageChunkCodec.Split(Jpeg(1000, 9), 1, 1, s_at, 0, null, "hall-cam", 8192)[0];
        Assert.Null(ImageChunkCodec.TryDecode(payload.AsSpan(0, keep), out var problem));
        Assert.NotNull(problem);
    }

    /// <summary>As the receiver does: an image completed is written, then marked so.</summary>
    private static (ImageChunk Description, byte[] Jpeg)? Written(ImageAssembler assembler, ImageChunk chunk)
    {
        var result = assembler.Add("villa", chunk, out _);
        if (result is { } image)
        {
            assembler.MarkWritten("villa", image.Description.ImageId);
        }

        return result;
    }

    internal static byte[] Jpeg(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        return bytes;
    }

    private static List<ImageChunk> Chunks(byte[] jpeg, long imageId = 5) =>
        [.. ImageChunkCodec.Split(jpeg, imageId, 11, s_at, 2, "hall-pir", "hall-cam", ImageChunkCodec.MinPacketLimit)
            .Select(p => ImageChunkCodec.TryDecode(p, out _)!)];
}
