using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Protocol.Tests.Support;

/// <summary>
/// One panel and the station, provisioned the way production will be: keys derived from a station master secret,
/// the panel holding its own key set and only the public half of the station's signing key. Synthetic ids only (P12).
/// </summary>
public sealed class TestLink : IDisposable
{
    public const string PanelId = "villa-0001";
    public const string OtherPanelId = "villa-0002";

    public static readonly DateTimeOffset Start = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A fixed, obviously synthetic master secret: tests must be repeatable.</summary>
    public static readonly byte[] MasterSecret = SHA256.HashData("panelagent test master secret"u8);

    public TestLink()
    {
        StationSigningKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        StationPublicKey = ECDsa.Create();
        StationPublicKey.ImportSubjectPublicKeyInfo(StationSigningKey.ExportSubjectPublicKeyInfo(), out _);
        PanelKeys.Add(KeyDerivation.DeriveKeySet(MasterSecret, PanelId, 1));
        StationKeys.Add(KeyDerivation.DeriveKeySet(MasterSecret, PanelId, 1));
        StationKeys.Add(KeyDerivation.DeriveKeySet(MasterSecret, OtherPanelId, 1));
        PanelSealer = MessageSealer.ForPanel(PanelKeys, PanelEpochs, Time);
        StationSealer = MessageSealer.ForStation(StationKeys, StationEpochs, Time, StationSigningKey);
        StationOpener = EnvelopeOpener.ForStation(StationKeys, new ReplayGuard(Time));
        PanelOpener = EnvelopeOpener.ForPanel(PanelKeys, new ReplayGuard(Time), [StationPublicKey]);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public KeyRing PanelKeys { get; } = new();

    public KeyRing StationKeys { get; } = new();

    public InMemoryNonceEpochStore PanelEpochs { get; } = new();

    public InMemoryNonceEpochStore StationEpochs { get; } = new();

    public ECDsa StationSigningKey { get; }

    public ECDsa StationPublicKey { get; }

    public MessageSealer PanelSealer { get; }

    public MessageSealer StationSealer { get; }

    public EnvelopeOpener StationOpener { get; }

    public EnvelopeOpener PanelOpener { get; }

    public static byte[] Payload(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>An uplink message from the panel on <paramref name="topic"/>.</summary>
    public byte[] Up(TopicKind topic = TopicKind.Events, string text = "{\"seq\":1}") =>
        PanelSealer.Seal(PanelId, topic, Payload(text));

    /// <summary>A downlink message from the station to the panel on <paramref name="topic"/>.</summary>
    public byte[] Down(TopicKind topic = TopicKind.Commands, string text = "{\"command\":\"status\"}") =>
        StationSealer.Seal(PanelId, topic, Payload(text));

    /// <summary>Opens where it was published: uplink at the station, downlink at the panel.</summary>
    public OpenResult Deliver(byte[] message, TopicKind topic) => topic.DirectionOf() == Direction.Uplink
        ? StationOpener.Open(message, PanelId, topic)
        : PanelOpener.Open(message, PanelId, topic);

    public void Dispose()
    {
        StationSigningKey.Dispose();
        StationPublicKey.Dispose();
    }
}
