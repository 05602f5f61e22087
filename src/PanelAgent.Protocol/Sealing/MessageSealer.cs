using System.Security.Cryptography;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;

namespace PanelAgent.Protocol.Sealing;

/// <summary>
/// Seals payloads into envelopes (docs/protocol.md). A panel seals uplink topics with its uplink key; a station seals
/// downlink topics with the panel's downlink key and signs them. Every call takes a fresh sequence number and the
/// current time, so a resend is sealed again, never copied: the receiver would take a copy for a replay. Publish the
/// messages of one topic in the order they were sealed: the receiver rejects a lower sequence after a higher one.
/// Thread-safe; one instance per process (it owns the sending session).
/// </summary>
public sealed class MessageSealer
{
    private readonly Lock _lock = new();
    private readonly Lock _signLock = new();
    private readonly ProtocolRole _role;
    private readonly KeyRing _keys;
    private readonly TimeProvider _time;
    private readonly ECDsa? _signingKey;
    private readonly SealingSession _session;
    private TimeSpan _clockOffset;

    private MessageSealer(
        ProtocolRole role, KeyRing keys, TimeProvider time, ECDsa? signingKey, SealingSession session)
    {
        _role = role;
        _keys = keys;
        _time = time;
        _signingKey = signingKey;
        _session = session;
    }

    /// <summary>Added to the local clock for the envelope timestamp: set from the station's time in its acks.</summary>
    public TimeSpan ClockOffset
    {
        get { lock (_lock) { return _clockOffset; } }
        set { lock (_lock) { _clockOffset = value; } }
    }

    /// <summary>The session new messages are sealed in.</summary>
    public SessionNonce Session
    {
        get { lock (_lock) { return _session.Current; } }
    }

    /// <summary>A panel's sealer. Takes an epoch from <paramref name="epochs"/> now.</summary>
    public static MessageSealer ForPanel(KeyRing keys, INonceEpochStore epochs, TimeProvider time) =>
        Create(ProtocolRole.Panel, keys, epochs, time, signingKey: null);

    /// <summary>A station's sealer; <paramref name="signingKey"/> is its ECDSA P-256 private key.</summary>
    public static MessageSealer ForStation(KeyRing keys, INonceEpochStore epochs, TimeProvider time, ECDsa signingKey)
    {
        DownlinkSignature.EnsureP256(signingKey, nameof(signingKey));
        return Create(ProtocolRole.Station, keys, epochs, time, signingKey);
    }

    /// <summary>Tests replace the random source and the session length.</summary>
    internal static MessageSealer Create(
        ProtocolRole role, KeyRing keys, INonceEpochStore epochs, TimeProvider time, ECDsa? signingKey,
        Action<Span<byte>>? fillRandom = null, ulong maxSequence = SealingSession.DefaultMaxSequence)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(time);
        var session = new SealingSession(epochs, fillRandom ?? RandomNumberGenerator.Fill, maxSequence);
        return new MessageSealer(role, keys, time, signingKey, session);
    }

    /// <summary>Seals <paramref name="payload"/> for <paramref name="topic"/> of <paramref name="panelId"/>.</summary>
    /// <exception cref="ArgumentException">A topic this role does not send, a bad panel id, or a payload too large.</exception>
    /// <exception cref="InvalidOperationException">No key for the panel.</exception>
    public byte[] Seal(string panelId, TopicKind topic, ReadOnlySpan<byte> payload) =>
        SealAt(panelId, topic, payload, replyTo: null);

    /// <summary>
    /// The station's answer to an authenticated uplink message whose sender's clock is outside the window: sealed
    /// with the sender's own timestamp (<paramref name="replyTo"/>), so the panel's window accepts it and learns the
    /// station's time from the payload. Without it, a panel whose clock drifted past the window would reject every
    /// answer stamped with the station's time, and so never correct itself. It gives an attacker nothing: the stamp
    /// is a time the panel itself sealed moments ago (a replay of an old panel message earns an answer stamped in
    /// the past, which the panel rejects), and the answer is signed like any downlink message. Station only.
    /// </summary>
    public byte[] SealReply(string panelId, TopicKind topic, ReadOnlySpan<byte> payload, EnvelopeHeader replyTo)
    {
        ArgumentNullException.ThrowIfNull(replyTo);
        if (_role != ProtocolRole.Station || replyTo.PanelId != panelId)
        {
            throw new ArgumentException("only a station replies, and only to the panel that sent", nameof(replyTo));
        }

        return SealAt(panelId, topic, payload, replyTo.TimestampUnixMs);
    }

    private byte[] SealAt(string panelId, TopicKind topic, ReadOnlySpan<byte> payload, long? replyTo)
    {
        CheckArguments(panelId, topic, payload.Length);
        var keys = _keys.CurrentFor(panelId);
        var header = NextHeader(panelId, topic, keys.KeyId, replyTo);
        var paddedLength = EnvelopeLayout.PaddedLength(payload.Length);
        var message = new byte[header.Length + paddedLength + EnvelopeLayout.TrailerLength(topic)];
        var headerLength = EnvelopeWriter.WriteHeader(header, message);
        var body = message.AsSpan(headerLength, paddedLength);
        PlaintextPadding.Write(payload, body);
        var tag = message.AsSpan(headerLength + paddedLength, EnvelopeLayout.TagSize);
        MessageCrypto.Encrypt(keys.KeyFor(header.Direction), header, message.AsSpan(0, headerLength), body, tag);
        if (header.Direction == Direction.Downlink)
        {
            Sign(message);
        }

        return message;
    }

    private void CheckArguments(string panelId, TopicKind topic, int payloadLength)
    {
        PanelIds.EnsureValid(panelId);
        if (!Topics.IsDefined((byte)topic) || topic.DirectionOf() != _role.Seals())
        {
            throw new ArgumentException($"a {_role} seals {_role.Seals()} topics only, not {topic}", nameof(topic));
        }

        if (payloadLength > EnvelopeLayout.MaxPayloadBytes)
        {
            throw new ArgumentException($"payloads are at most {EnvelopeLayout.MaxPayloadBytes} bytes", nameof(payloadLength));
        }
    }

    private EnvelopeHeader NextHeader(string panelId, TopicKind topic, uint keyId, long? timestampOverride)
    {
        lock (_lock)
        {
            var (session, sequence) = _session.Next();
            var timestamp = timestampOverride ?? (_time.GetUtcNow() + _clockOffset).ToUnixTimeMilliseconds();
            return new EnvelopeHeader(EnvelopeLayout.Version1, topic, keyId, panelId, sequence, timestamp, session);
        }
    }

    /// <summary>ECDsa instances are not documented as thread-safe: one signature at a time.</summary>
    private void Sign(byte[] message)
    {
        var signedLength = message.Length - EnvelopeLayout.SignatureSize;
        lock (_signLock)
        {
            DownlinkSignature.Sign(_signingKey!, message.AsSpan(0, signedLength), message.AsSpan(signedLength));
        }
    }
}
