using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet.Protocol;
using MQTTnet;
using PanelAgent.TestSupport;

namespace PanelAgent.Transport.Tests.Support;

/// <summary>Subscribes to <c>#</c> and keeps every payload the broker hands out, to search it for plaintext.</summary>
public sealed class BrokerSniffer : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public ConcurrentQueue<(string Topic, byte[] Payload)> Messages { get; } = new();

    public static async Task<BrokerSniffer> ConnectAsync(TestPki pki, int port)
    {
        var sniffer = new BrokerSniffer();
        sniffer._client.ApplicationMessageReceivedAsync += e =>
        {
            sniffer.Messages.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        await sniffer._client.ConnectAsync(StationClient.Options(pki, port, "station", "sniffer"));
        await sniffer._client.SubscribeAsync("#", MqttQualityOfServiceLevel.AtLeastOnce);
        return sniffer;
    }

    public async ValueTask DisposeAsync()
    {
        await _client.TryDisconnectAsync();
        _client.Dispose();
    }
}
