using System.Buffers.Binary;
using PanelAgent.Protocol.Envelopes;

namespace PanelAgent.Protocol.Sealing;

/// <summary>
/// The sender's session: a boot epoch taken (durably) from the <see cref="INonceEpochStore"/>, a 64-bit random salt,
/// and a message counter. A new session starts at construction and whenever the counter reaches its limit, so a
/// (session, sequence) pair, and with it a (key, IV) pair, is never used twice. Not thread-safe: the sealer locks.
/// </summary>
internal sealed class SealingSession
{
    /// <summary>Messages per session before a new one starts: far below any GCM limit, and an epoch is cheap.</summary>
    public const ulong DefaultMaxSequence = uint.MaxValue;

    private readonly INonceEpochStore _epochs;
    private readonly Action<Span<byte>> _fillRandom;
    private readonly ulong _maxSequence;
    private ulong _last;

    public SealingSession(INonceEpochStore epochs, Action<Span<byte>> fillRandom, ulong maxSequence)
    {
        _epochs = epochs;
        _fillRandom = fillRandom;
        _maxSequence = maxSequence;
        Begin();
    }

    public SessionNonce Current { get; private set; }

    public (SessionNonce Session, ulong Sequence) Next()
    {
        if (_last >= _maxSequence)
        {
            Begin();
        }

        _last++;
        return (Current, _last);
    }

    private void Begin()
    {
        // The epoch is on disk before it is used (the store's contract); the salt covers a store rolled back by a restore.
        var epoch = _epochs.TakeNextEpoch();
        Span<byte> salt = stackalloc byte[8];
        _fillRandom(salt);
        Current = new SessionNonce(epoch, BinaryPrimitives.ReadUInt64BigEndian(salt));
        _last = 0;
    }
}
