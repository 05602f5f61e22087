using System.Security.Cryptography;
using PanelAgent.Protocol.Images;

namespace PanelAgent.Station.Receiving;

/// <summary>
/// Puts images back together from authenticated chunks, in any order: a duplicate chunk is ignored, a chunk that
/// disagrees with the image's first one (length, count, hash) is refused, and an image is complete only when every
/// chunk is there and the SHA-256 of the whole matches the one every chunk carried. Images that stay incomplete
/// (a chunk lost on the way) are dropped after <see cref="IncompleteTimeout"/>, and at most <see cref="MaxPending"/> are
/// assembled at once, so a hostile or broken sender cannot make the station hold unbounded memory.
/// </summary>
public sealed class ImageAssembler(TimeProvider time)
{
    public const int MaxPending = 64;

    /// <summary>The outcome for a chunk of an image that was already completed and written.</summary>
    public const string AlreadyReceived = "already-received";
    public static readonly TimeSpan IncompleteTimeout = TimeSpan.FromMinutes(2);

    private readonly Dictionary<(string Panel, long ImageId), Pending> _pending = [];
    private const int RememberedDone = 4096;
    private readonly HashSet<(string Panel, long ImageId)> _done = [];
    private readonly Queue<(string Panel, long ImageId)> _doneOrder = new();

    /// <summary>Images dropped incomplete (lost chunks) since start.</summary>
    public int Dropped { get; private set; }

    /// <summary>Adds one chunk; returns the whole JPEG and its description when this chunk completed the image.</summary>
    public (ImageChunk Description, byte[] Jpeg)? Add(string panelId, ImageChunk chunk, out string outcome)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        Expire();
        var key = (panelId, chunk.ImageId);
        if (_done.Contains(key))
        {
            // The panel sends an image again when our acknowledgement did not reach it; the caller acknowledges again.
            outcome = AlreadyReceived;
            return null;
        }

        if (!_pending.TryGetValue(key, out var pending))
        {
            if (_pending.Count >= MaxPending)
            {
                outcome = "too-many-pending";
                return null;
            }

            pending = new Pending(chunk, time.GetUtcNow());
            _pending[key] = pending;
        }

        outcome = pending.Add(chunk);
        if (outcome != "complete")
        {
            return null;
        }

        _pending.Remove(key);
        var jpeg = pending.Join();
        if (!SHA256.HashData(jpeg).AsSpan().SequenceEqual(chunk.Sha256))
        {
            outcome = "hash-mismatch";
            return null;
        }

        return (pending.First, jpeg);
    }

    /// <summary>
    /// The caller wrote the image: remembered (bounded) so a late duplicate chunk does not start a new assembly, and
    /// a whole resend is answered <see cref="AlreadyReceived"/>. Not before the file is written: that answer makes the
    /// station acknowledge the image, and the panel then forgets it.
    /// </summary>
    public void MarkWritten(string panelId, long imageId)
    {
        var key = (panelId, imageId);
        if (!_done.Add(key))
        {
            return;
        }

        _doneOrder.Enqueue(key);
        if (_doneOrder.Count > RememberedDone)
        {
            _done.Remove(_doneOrder.Dequeue());
        }
    }

    private void Expire()
    {
        var now = time.GetUtcNow();
        foreach (var key in _pending.Where(p => now - p.Value.Started > IncompleteTimeout).Select(p => p.Key).ToList())
        {
            _pending.Remove(key);
            Dropped++;
        }
    }

    private sealed class Pending(ImageChunk first, DateTimeOffset started)
    {
        private readonly byte[]?[] _parts = new byte[first.Count][];
        private int _received;
        private int _bytes;

        public ImageChunk First { get; } = first;

        public DateTimeOffset Started { get; } = started;

        public string Add(ImageChunk chunk)
        {
            if (chunk.Count != First.Count || chunk.TotalLength != First.TotalLength || !chunk.Sha256.AsSpan().SequenceEqual(First.Sha256)
                || chunk.AlarmSeq != First.AlarmSeq || chunk.Camera != First.Camera)
            {
                return "inconsistent";
            }

            if (_parts[chunk.Index] is not null)
            {
                return "duplicate";
            }

            if (_bytes + chunk.Data.Length > First.TotalLength)
            {
                return "too-long";
            }

            _parts[chunk.Index] = chunk.Data;
            _received++;
            _bytes += chunk.Data.Length;
            return _received == _parts.Length ? (_bytes == First.TotalLength ? "complete" : "wrong-length") : "partial";
        }

        public byte[] Join() => [.. _parts.SelectMany(p => p!)];
    }
}
