using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PanelAgent.Protocol.Images;

/// <summary>
/// The chunk payload (inside the sealed envelope), big-endian: "IMG1" | image id u64 | alarm seq u64 | captured unix ms
/// i64 | frame u8 | index u16 | count u16 | total length u32 | SHA-256 (32) | zone length u8 | zone | camera length u8 |
/// camera | data. Splitting keeps every sealed message under the broker's packet limit.
/// </summary>
public static class ImageChunkCodec
{
    public const int MaxImageBytes = 4 * 1024 * 1024;
    public const int MaxChunks = 4096;
    public const int MaxIdLength = 64;

    /// <summary>Header bytes at most (both ids at their longest).</summary>
    public const int MaxHeaderBytes = 4 + 8 + 8 + 8 + 1 + 2 + 2 + 4 + 32 + 1 + MaxIdLength + 1 + MaxIdLength;

    /// <summary>What the envelope and the MQTT PUBLISH add around a payload at most: header with a 64-character panel id,
    /// padding to 256, tag, MQTT fixed header, topic and properties.</summary>
    public const int EnvelopeAndMqttOverhead = 1024;

    public const int MinPacketLimit = 4096;

    private static readonly byte[] s_magic = "IMG1"u8.ToArray();

    /// <summary>Splits <paramref name="jpeg"/> into chunk payloads, each of which, sealed and published, stays within
    /// <paramref name="packetLimit"/> bytes.</summary>
    public static IReadOnlyList<byte[]> Split(
        ReadOnlySpan<byte> jpeg, long imageId, long alarmSeq, DateTimeOffset capturedAt, int frame, string? zone, string camera,
        int packetLimit)
    {
        if (packetLimit < MinPacketLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(packetLimit), $"at least {MinPacketLimit} bytes");
        }

        if (jpeg.Length is 0 or > MaxImageBytes)
        {
            throw new ArgumentException($"an image is 1 to {MaxImageBytes} bytes", nameof(jpeg));
        }

        var per = packetLimit - EnvelopeAndMqttOverhead - MaxHeaderBytes;
        var count = (jpeg.Length + per - 1) / per;
        var hash = SHA256.HashData(jpeg);
        var chunks = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var data = jpeg.Slice(i * per, Math.Min(per, jpeg.Length - (i * per))).ToArray();
            chunks.Add(Encode(new ImageChunk(imageId, alarmSeq, capturedAt, frame, i, count, jpeg.Length, hash, zone, camera, data)));
        }

        return chunks;
    }

    public static byte[] Encode(ImageChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var zone = Encoding.ASCII.GetBytes(chunk.Zone ?? "");
        var camera = Encoding.ASCII.GetBytes(chunk.Camera);
        var buffer = new byte[4 + 8 + 8 + 8 + 1 + 2 + 2 + 4 + 32 + 1 + zone.Length + 1 + camera.Length + chunk.Data.Length];
        var w = new SpanWriter(buffer);
        w.Bytes(s_magic);
        w.U64((ulong)chunk.ImageId);
        w.U64((ulong)chunk.AlarmSeq);
        w.U64((ulong)chunk.CapturedAt.ToUnixTimeMilliseconds());
        w.Byte((byte)chunk.Frame);
        w.U16((ushort)chunk.Index);
        w.U16((ushort)chunk.Count);
        w.U32((uint)chunk.TotalLength);
        w.Bytes(chunk.Sha256);
        w.Text(zone);
        w.Text(camera);
        w.Bytes(chunk.Data);
        return buffer;
    }

    /// <summary>Decodes a chunk payload (already authenticated by its envelope); null with the reason when malformed.</summary>
    public static ImageChunk? TryDecode(ReadOnlySpan<byte> payload, out string? problem)
    {
        problem = null;
        try
        {
            var r = new SpanReader(payload);
            if (!r.Bytes(4).SequenceEqual(s_magic))
            {
                problem = "not an image chunk";
                return null;
            }

            var chunk = new ImageChunk((long)r.U64(), (long)r.U64(), DateTimeOffset.FromUnixTimeMilliseconds((long)r.U64()),
                r.Bytes(1)[0], r.U16(), r.U16(), (int)r.U32(), r.Bytes(32).ToArray(), r.Text() is { Length: > 0 } z ? z : null,
                r.Text(), r.Rest().ToArray());
            problem = Check(chunk);
            return problem is null ? chunk : null;
        }
        catch (ArgumentOutOfRangeException)
        {
            problem = "truncated image chunk";
            return null;
        }
    }

    private static string? Check(ImageChunk c) =>
        c.TotalLength is <= 0 or > MaxImageBytes ? "image length out of range"
        : c.Count is <= 0 or > MaxChunks || c.Index >= c.Count ? "chunk index out of range"
        : c.Data.Length == 0 || c.Data.Length > c.TotalLength ? "chunk length out of range"
        : !IsId(c.Camera) || (c.Zone is not null && !IsId(c.Zone)) ? "camera or zone id malformed"
        : null;

    /// <summary>Ids become parts of file names at the station: letters, digits and dashes only.</summary>
    public static bool IsId(string id) => id.Length is > 0 and <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private sealed class SpanWriter(byte[] buffer)
    {
        private int _at;

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(buffer.AsSpan(_at));
            _at += bytes.Length;
        }

        public void Byte(byte value) => buffer[_at++] = value;

        public void U16(ushort v)
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(_at), v);
            _at += 2;
        }

        public void U32(uint v)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(_at), v);
            _at += 4;
        }

        public void U64(ulong v)
        {
            BinaryPrimitives.WriteUInt64BigEndian(buffer.AsSpan(_at), v);
            _at += 8;
        }

        public void Text(byte[] ascii)
        {
            Byte((byte)ascii.Length);
            Bytes(ascii);
        }
    }

    private ref struct SpanReader(ReadOnlySpan<byte> buffer)
    {
        private readonly ReadOnlySpan<byte> _buffer = buffer;
        private int _at;

        public ReadOnlySpan<byte> Bytes(int count)
        {
            var slice = _buffer.Slice(_at, count);
            _at += count;
            return slice;
        }

        public ushort U16() => BinaryPrimitives.ReadUInt16BigEndian(Bytes(2));

        public uint U32() => BinaryPrimitives.ReadUInt32BigEndian(Bytes(4));

        public ulong U64() => BinaryPrimitives.ReadUInt64BigEndian(Bytes(8));

        public string Text() => Encoding.ASCII.GetString(Bytes(Bytes(1)[0]));

        public ReadOnlySpan<byte> Rest() => _buffer[_at..];
    }
}
