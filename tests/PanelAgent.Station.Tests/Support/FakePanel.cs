using System.Buffers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Images;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Station.Tests.Support;

/// <summary>
/// A panel reduced to its link: an MQTTnet client with the panel's certificate, a panel sealer for events, and a
/// panel opener (with the station's public key) for the acks it receives.
/// </summary>
public sealed class FakePanel : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<OpenResult> _acks = Channel.CreateUnbounded<OpenResult>();
    private readonly ECDsa _stationPublicKey;
    private readonly MessageSealer _sealer;
    private readonly EnvelopeOpener _opener;

    private FakePanel(string panelId, KeyRing keys, ECDsa stationPublicKey)
    {
        PanelId = panelId;
        _stationPublicKey = stationPublicKey;
        _sealer = MessageSealer.ForPanel(keys, new MemoryEpochs(), TimeProvider.System);
        _opener = EnvelopeOpener.ForPanel(keys, new ReplayGuard(TimeProvider.System), [stationPublicKey]);
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _acks.Writer.TryWrite(_opener.Open(e.ApplicationMessage.Payload.ToArray(), PanelId, TopicKind.Acks));
            return Task.CompletedTask;
        };
    }

    public string PanelId { get; }

    public static async Task<FakePanel> ConnectAsync(StationHarness harness, string panelId)
    {
        var keys = new KeyRing();
        keys.Add(KeyDerivation.DeriveKeySet(harness.MasterSecrets[panelId], panelId, 1));
        var stationPublicKey = ECDsa.Create(harness.SigningKey.ExportParameters(includePrivateParameters: false));
        var panel = new FakePanel(panelId, keys, stationPublicKey);
        var ca = X509CertificateLoader.LoadCertificateFromFile(harness.Pki.PathOf("ca.pem"));
        var certificate = X509Certificate2.CreateFromPemFile(harness.Pki.CertFile(panelId), harness.Pki.KeyFile(panelId));
        var options = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTcpServer("127.0.0.1", harness.Broker.Port)
            .WithClientId(panelId)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithTlsOptions(o => o.UseTls().WithTrustChain([ca]).WithClientCertificates([certificate])
                .WithRevocationMode(X509RevocationMode.NoCheck))
            .Build();
        await panel._client.ConnectAsync(options);
        await panel._client.SubscribeAsync($"panels/{panelId}/acks", MqttQualityOfServiceLevel.AtLeastOnce);
        return panel;
    }

    public static EventPayload Event(long seq, string kind = "alarm.intrusion", string? zone = "hall") =>
        new(seq, kind, zone, null, null, DateTimeOffset.UtcNow, "BA", "1130");

    /// <summary>Seals (afresh, as a real resend does) and publishes one event at QoS 1.</summary>
    public Task SendAsync(EventPayload payload) =>
        PublishRawAsync(_sealer.Seal(PanelId, TopicKind.Events, EventPayloadCodec.Encode(payload)));

    /// <summary>Splits an image into chunks under the smallest packet limit, seals each afresh and publishes them.</summary>
    public async Task SendImageAsync(byte[] jpeg, long imageId, long alarmSeq)
    {
        var chunks = ImageChunkCodec.Split(jpeg, imageId, alarmSeq, DateTimeOffset.UtcNow, 0, "hall", "hall-cam",
            ImageChunkCodec.MinPacketLimit);
        foreach (var chunk in chunks)
        {
            await PublishRawAsync(_sealer.Seal(PanelId, TopicKind.Images, chunk), "images");
        }
    }

    public async Task PublishRawAsync(byte[] bytes, string topicKind = "events")
    {
        var message = new MqttApplicationMessageBuilder().WithTopic($"panels/{PanelId}/{topicKind}").WithPayload(bytes)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var result = await _client.PublishAsync(message);
        Assert.True(result.IsSuccess, result.ReasonString);
    }

    /// <summary>The next ack as the panel's opener judged it.</summary>
    public async Task<OpenResult> NextAckAsync()
    {
        using var timeout = new CancellationTokenSource(StationHarness.Patience);
        return await _acks.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.TryDisconnectAsync();
        _client.Dispose();
        _stationPublicKey.Dispose();
    }
}
