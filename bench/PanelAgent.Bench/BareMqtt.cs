using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PanelAgent.TestSupport;

namespace PanelAgent.Bench;

/// <summary>
/// The baseline of the link figures, on the same broker: a bare MQTTnet 5 client (panel-b's certificate) publishing
/// at QoS 1, awaiting each PUBACK, to a bare subscriber (the station's certificate); payloads of the size of a sealed
/// event envelope. No sealing, no outbox, no database, no acknowledgement: what MQTT over TLS costs by itself.
/// </summary>
internal sealed class BareMqtt : IAsyncDisposable
{
    private const string Topic = "panels/panel-b/images"; // a topic the station instances do not subscribe to
    private readonly IMqttClient _publisher = new MqttClientFactory().CreateMqttClient();
    private readonly IMqttClient _subscriber = new MqttClientFactory().CreateMqttClient();
    private readonly SemaphoreSlim _received = new(0);
    private readonly byte[] _payload;
    private long _count;
    private long _lastAt;

    private BareMqtt(int payloadSize)
    {
        _payload = RandomNumberGenerator.GetBytes(payloadSize);
        _subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            Volatile.Write(ref _lastAt, Stopwatch.GetTimestamp());
            Interlocked.Increment(ref _count);
            _received.Release();
            return Task.CompletedTask;
        };
    }

    public static async Task<BareMqtt> ConnectAsync(TestPki pki, int port, int payloadSize)
    {
        var bare = new BareMqtt(payloadSize);
        await bare._subscriber.ConnectAsync(Options(pki, port, "station", "station-bench-baseline"));
        await bare._subscriber.SubscribeAsync(Topic, MqttQualityOfServiceLevel.AtLeastOnce);
        await bare._publisher.ConnectAsync(Options(pki, port, "panel-b", "panel-b"));
        return bare;
    }

    /// <summary>One publish, awaited, until the subscriber has it: milliseconds.</summary>
    public async Task<double> TimeOneAsync()
    {
        var expected = Interlocked.Read(ref _count) + 1;
        var start = Stopwatch.GetTimestamp();
        await PublishAsync();
        await WaitForAsync(expected);
        return Stats.Ms(start, Volatile.Read(ref _lastAt));
    }

    /// <summary>Publishes <paramref name="count"/> one at a time (each PUBACK awaited); messages per second until all arrived.</summary>
    public async Task<double> RateAsync(int count)
    {
        var expected = Interlocked.Read(ref _count) + count;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await PublishAsync();
        }

        await WaitForAsync(expected);
        return count / (Stats.Ms(start, Volatile.Read(ref _lastAt)) / 1000);
    }

    public async ValueTask DisposeAsync()
    {
        await _publisher.TryDisconnectAsync();
        await _subscriber.TryDisconnectAsync();
        _publisher.Dispose();
        _subscriber.Dispose();
        _received.Dispose();
    }

    private async Task PublishAsync()
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(Topic)
            .WithPayload(new ReadOnlySequence<byte>(_payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var result = await _publisher.PublishAsync(message);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"bare publish refused: {result.ReasonCode}");
        }
    }

    private async Task WaitForAsync(long count)
    {
        while (Interlocked.Read(ref _count) < count)
        {
            if (!await _received.WaitAsync(TimeSpan.FromSeconds(30)))
            {
                throw new InvalidOperationException("the bare subscriber stopped receiving");
            }
        }
    }

    private static MqttClientOptions Options(TestPki pki, int port, string identity, string clientId)
    {
        var ca = X509CertificateLoader.LoadCertificateFromFile(pki.PathOf("ca.pem"));
        var certificate = X509Certificate2.CreateFromPemFile(pki.CertFile(identity), pki.KeyFile(identity));
        return new MqttClientOptionsBuilder().WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTcpServer("127.0.0.1", port).WithClientId(clientId).WithTimeout(TimeSpan.FromSeconds(10))
            .WithTlsOptions(o => o.UseTls().WithTrustChain([ca]).WithClientCertificates([certificate])
                .WithRevocationMode(X509RevocationMode.NoCheck))
            .Build();
    }
}
