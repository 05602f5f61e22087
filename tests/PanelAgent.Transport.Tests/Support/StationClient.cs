using System.Buffers;
using System.Text;
using System.Threading.Channels;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet;
using PanelAgent.TestSupport;

namespace PanelAgent.Transport.Tests.Support;

/// <summary>A bare MQTTnet client with the station certificate, subscribed to every panel's topics.</summary>
public sealed class StationClient : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<(string Topic, string Payload, bool Retained)> _received =
        Channel.CreateUnbounded<(string, string, bool)>();
    private readonly Channel<(string Topic, byte[] Payload)> _raw = Channel.CreateUnbounded<(string, byte[])>();

    public static async Task<StationClient> ConnectAsync(TestPki pki, int port, string identity = "station")
    {
        var station = new StationClient();
        station._client.ApplicationMessageReceivedAsync += e =>
        {
            station._received.Writer.TryWrite((e.ApplicationMessage.Topic,
                Encoding.UTF8.GetString(e.ApplicationMessage.Payload), e.ApplicationMessage.Retain));
            station._raw.Writer.TryWrite((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        await station._client.ConnectAsync(Options(pki, port, identity, identity));
        await station._client.SubscribeAsync("panels/#", MqttQualityOfServiceLevel.AtLeastOnce);
        return station;
    }

    /// <summary>The options a client with <paramref name="identity"/>'s certificate uses; trusts the test CA only.</summary>
    public static MqttClientOptions Options(TestPki pki, int port, string identity, string clientId)
    {
        var ca = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(pki.PathOf("ca.pem"));
        var client = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(
            pki.CertFile(identity), pki.KeyFile(identity));
        return new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithTlsOptions(o => o.UseTls().WithTrustChain([ca]).WithClientCertificates([client]))
            .Build();
    }

    /// <summary>The next message, or a TimeoutException after <see cref="LinkHarness.Patience"/>.</summary>
    public async Task<(string Topic, string Payload, bool Retained)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(LinkHarness.Patience);
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next message on <paramref name="topic"/> as bytes (sealed messages are not text).</summary>
    public async Task<byte[]> NextRawAsync(string topic)
    {
        using var timeout = new CancellationTokenSource(LinkHarness.Patience);
        while (true)
        {
            var (received, payload) = await _raw.Reader.ReadAsync(timeout.Token);
            if (received == topic)
            {
                return payload;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _client.TryDisconnectAsync();
        _client.Dispose();
    }
}
