using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Transport.Tests.Support;

namespace PanelAgent.Transport.Tests.Fuzz;

/// <summary>
/// Generated downlink traffic for one panel: genuine station messages, and forged (signed by another key), altered
/// (one byte flipped), replayed, truncated, stale (sealed two minutes ago), misrouted (sealed for the other downlink
/// topic) and random ones. Seeded, so a failure replays. One virtual clock for both ends.
/// </summary>
internal sealed class DownlinkCorpus : IDisposable
{
    public const string PanelId = "villa-0001";

    private readonly Random _random;
    private readonly MessageSealer _station;
    private readonly MessageSealer _forger;
    private readonly MessageSealer _stale;
    private readonly ECDsa _stationKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _stationPublic = ECDsa.Create();
    private readonly List<byte[]> _delivered = [];

    public DownlinkCorpus(int seed)
    {
        _random = new Random(seed);
        var keys = new KeyRing();
        keys.Add(KeyDerivation.DeriveKeySet(SHA256.HashData("fuzz master secret"u8), PanelId, 1));
        _stationPublic.ImportSubjectPublicKeyInfo(_stationKey.ExportSubjectPublicKeyInfo(), out _);
        _station = MessageSealer.ForStation(keys, new InMemoryNonceEpochStore(), Clock, _stationKey);
        // Holds the panel's own keys (a stolen backup) but not the station's signing key.
        _forger = MessageSealer.ForStation(keys, new InMemoryNonceEpochStore(), Clock, _attackerKey);
        _stale = MessageSealer.ForStation(keys, new InMemoryNonceEpochStore(), StaleClock, _stationKey);
        PanelKeys = keys;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private FakeTimeProvider StaleClock { get; } = new(new DateTimeOffset(2026, 6, 1, 11, 58, 0, TimeSpan.Zero));

    public KeyRing PanelKeys { get; }

    /// <summary>The panel's opener, as the link builds it: downlink key, station public key, replay guard.</summary>
    public EnvelopeOpener PanelOpener() => EnvelopeOpener.ForPanel(PanelKeys, new ReplayGuard(Clock), [_stationPublic]);

    /// <summary>A genuine message, delivered once (and so replayable later).</summary>
    public byte[] Genuine(TopicKind topic, byte[] payload)
    {
        var message = _station.Seal(PanelId, topic, payload);
        _delivered.Add(message);
        return message;
    }

    /// <summary>One hostile message for <paramref name="topic"/>, of a class chosen by the seed.</summary>
    public byte[] Hostile(TopicKind topic, byte[] validPayload)
    {
        var other = topic == TopicKind.Commands ? TopicKind.Acks : TopicKind.Commands;
        return _random.Next(8) switch
        {
            0 => RandomBytes(),
            1 => Truncated(_station.Seal(PanelId, topic, validPayload)),
            2 => Flipped(_station.Seal(PanelId, topic, validPayload)),
            3 when _delivered.Count > 0 => _delivered[_random.Next(_delivered.Count)],
            4 => _forger.Seal(PanelId, topic, validPayload),
            5 => _stale.Seal(PanelId, topic, validPayload),
            6 => _station.Seal(PanelId, other, validPayload),
            _ => Flipped(RandomBytes()),
        };
    }

    public void Dispose()
    {
        _stationKey.Dispose();
        _attackerKey.Dispose();
        _stationPublic.Dispose();
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(0, 700)];
        _random.NextBytes(bytes);
        if (bytes.Length > 1 && _random.Next(2) == 0)
        {
            bytes[0] = 1; // past the version check, so deeper checks are exercised too
        }

        return bytes;
    }

    private byte[] Truncated(byte[] message) => message[.._random.Next(message.Length)];

    private byte[] Flipped(byte[] message)
    {
        if (message.Length > 0)
        {
            message[_random.Next(message.Length)] ^= (byte)(1 << _random.Next(8));
        }

        return message;
    }
}
