using System.Security.Cryptography;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Replay;

namespace PanelAgent.Protocol.Sealing;

/// <summary>
/// Opens envelopes from the untrusted broker. Checks run cheapest first (lengths, version, topic, panel, key id), then
/// the GCM tag, then (downlink) the station's signature, then the replay window and sequence. Hostile input is
/// classified into an <see cref="OpenStatus"/>, never thrown. Thread-safe.
/// </summary>
public sealed class EnvelopeOpener
{
    private readonly ProtocolRole _role;
    private readonly KeyRing _keys;
    private readonly ReplayGuard _guard;
    private readonly IReadOnlyList<ECDsa> _stationKeys;
    private readonly Lock _verifyLock = new();

    private EnvelopeOpener(ProtocolRole role, KeyRing keys, ReplayGuard guard, IReadOnlyList<ECDsa> stationKeys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(guard);
        _role = role;
        _keys = keys;
        _guard = guard;
        _stationKeys = stationKeys;
    }

    /// <summary>The station's opener, for uplink topics (events, images, status).</summary>
    public static EnvelopeOpener ForStation(KeyRing keys, ReplayGuard guard) => new(ProtocolRole.Station, keys, guard, []);

    /// <summary>A panel's opener, for downlink topics; <paramref name="stationKeys"/> are the station's public keys.</summary>
    public static EnvelopeOpener ForPanel(KeyRing keys, ReplayGuard guard, IReadOnlyList<ECDsa> stationKeys)
    {
        ArgumentNullException.ThrowIfNull(stationKeys);
        if (stationKeys.Count == 0)
        {
            throw new ArgumentException("a panel trusts at least one station key", nameof(stationKeys));
        }

        foreach (var key in stationKeys)
        {
            DownlinkSignature.EnsureP256(key, nameof(stationKeys));
        }

        return new EnvelopeOpener(ProtocolRole.Panel, keys, guard, [.. stationKeys]);
    }

    /// <summary>
    /// Opens a message that arrived on <c>panels/{expectedPanelId}/{expectedTopic}</c>. Never throws for any input.
    /// </summary>
    public OpenResult Open(ReadOnlySpan<byte> message, string expectedPanelId, TopicKind expectedTopic)
    {
        var now = _guard.Now;
        try
        {
            return OpenChecked(message, expectedPanelId, expectedTopic, now);
        }
        catch (Exception)
        {
            // The broker is hostile: a fault of ours here must be counted, never crash the receiver.
            return OpenResult.Rejected(OpenStatus.Unexpected, now);
        }
    }

    private OpenResult OpenChecked(ReadOnlySpan<byte> message, string expectedPanelId, TopicKind expectedTopic, DateTimeOffset now)
    {
        if (!EnvelopeReader.TryRead(message, out var header, out var failure))
        {
            return OpenResult.Rejected(failure, now);
        }

        var routing = CheckRouting(header!, expectedPanelId, expectedTopic);
        if (routing != OpenStatus.Accepted)
        {
            return OpenResult.Rejected(routing, now);
        }

        if (!_keys.TryGet(header!.PanelId, header.KeyId, out var keys))
        {
            return OpenResult.Rejected(OpenStatus.UnknownKey, now);
        }

        var authenticity = Authenticate(message, header, keys, out var payload);
        if (authenticity != OpenStatus.Accepted)
        {
            return OpenResult.Rejected(authenticity, now);
        }

        var freshness = _guard.Check(header, now);
        return freshness == OpenStatus.Accepted
            ? new OpenResult(freshness, header, payload, now)
            : new OpenResult(freshness, header, null, now, StalePayload: payload);
    }

    private OpenStatus CheckRouting(EnvelopeHeader header, string expectedPanelId, TopicKind expectedTopic)
    {
        if (header.Topic != expectedTopic || header.Direction != _role.Opens())
        {
            return OpenStatus.WrongTopic;
        }

        return string.Equals(header.PanelId, expectedPanelId, StringComparison.Ordinal)
            ? OpenStatus.Accepted
            : OpenStatus.WrongPanel;
    }

    private OpenStatus Authenticate(ReadOnlySpan<byte> message, EnvelopeHeader header, KeySet keys, out byte[]? payload)
    {
        payload = null;
        var headerLength = header.Length;
        var trailer = EnvelopeLayout.TrailerLength(header.Topic);
        var ciphertext = message[headerLength..^trailer];
        var tag = message.Slice(message.Length - trailer, EnvelopeLayout.TagSize);
        var plaintext = new byte[ciphertext.Length];
        if (!MessageCrypto.TryDecrypt(keys.KeyFor(header.Direction), header, message[..headerLength], ciphertext, tag, plaintext))
        {
            return OpenStatus.BadTag;
        }

        // The tag first: it is cheap and anyone without the key fails it. Only a holder of the panel's downlink key
        // (the panel itself, or whoever stole its keys) gets as far as the signature, and fails there.
        if (header.Direction == Direction.Downlink && !VerifySignature(message))
        {
            return OpenStatus.BadSignature;
        }

        return PlaintextPadding.TryRead(plaintext, out payload) ? OpenStatus.Accepted : OpenStatus.Malformed;
    }

    /// <summary>ECDsa instances are not documented as thread-safe: one verification at a time.</summary>
    private bool VerifySignature(ReadOnlySpan<byte> message)
    {
        lock (_verifyLock)
        {
            return DownlinkSignature.Verify(
                _stationKeys, message[..^EnvelopeLayout.SignatureSize], message[^EnvelopeLayout.SignatureSize..]);
        }
    }
}
