using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using MQTTnet.Protocol;
using MQTTnet;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.TestSupport;

namespace PanelAgent.Transport.Tests.Support;

/// <summary>
/// A minimal alarm station over a bare MQTTnet client: opens events with <see cref="EnvelopeOpener.ForStation"/> and
/// answers each accepted one with a sealed, signed <see cref="AckPayload"/> (unless <see cref="Acking"/> is off).
/// Replies go out from a pump task: publishing QoS 1 from inside MQTTnet's receive handler would wait on itself.
/// </summary>
public sealed class FakeStation : IAsyncDisposable
{
    private readonly TestPki _pki;
    private readonly int _port;
    private readonly MessageSealer _sealer;
    private readonly EnvelopeOpener _opener;
    private readonly Channel<(string Topic, byte[] Payload)> _inbox = Channel.CreateUnbounded<(string, byte[])>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private IMqttClient _client;

    private FakeStation(TestPki pki, int port, KeyRing keys, ECDsa signingKey)
    {
        _pki = pki;
        _port = port;
        _sealer = MessageSealer.ForStation(keys, new InMemoryNonceEpochStore(), TimeProvider.System, signingKey);
        _opener = EnvelopeOpener.ForStation(keys, new ReplayGuard(TimeProvider.System));
        _client = NewClient();
        _pump = Task.Run(PumpAsync);
    }

    public volatile bool Acking = true;

    /// <summary>Accepted event payloads in arrival order (duplicates included).</summary>
    public ConcurrentQueue<EventPayload> Seen { get; } = new();

    /// <summary>Raised after each accepted event.</summary>
    public event Action? Changed;

    public static async Task<FakeStation> ConnectAsync(TestPki pki, int port, KeyRing keys, ECDsa signingKey)
    {
        var station = new FakeStation(pki, port, keys, signingKey);
        await station.ReconnectAsync();
        return station;
    }

    /// <summary>Connects (again, e.g. after a broker restart) and subscribes to every panel's events.</summary>
    public async Task ReconnectAsync()
    {
        if (_client.IsConnected)
        {
            await _client.TryDisconnectAsync();
        }

        _client.Dispose();
        _client = NewClient();
        await _client.ConnectAsync(StationClient.Options(_pki, _port, "station", "fake-station"));
        await _client.SubscribeAsync("panels/+/events", MqttQualityOfServiceLevel.AtLeastOnce);
    }

    /// <summary>Publishes raw bytes as the station certificate (forgeries, garbage).</summary>
    public Task PublishRawAsync(string topic, byte[] payload) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    private IMqttClient NewClient()
    {
        var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            _inbox.Writer.TryWrite((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        return client;
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var (topic, payload) in _inbox.Reader.ReadAllAsync(_stop.Token))
            {
                var panelId = topic.Split('/')[1];
                var opened = _opener.Open(payload, panelId, TopicKind.Events);
                if (!opened.IsAccepted || !EventPayloadCodec.TryDecode(opened.Payload, out var ev))
                {
                    continue;
                }

                // Decided before the event is visible in Seen: a test that waits for the sighting, then turns
                // acking on, must not see this very delivery acknowledged.
                var acking = Acking;
                Seen.Enqueue(ev!);
                if (acking)
                {
                    var ack = _sealer.Seal(panelId, TopicKind.Acks,
                        AckPayloadCodec.Encode(new AckPayload([ev!.Seq], DateTimeOffset.UtcNow)));
                    try
                    {
                        await PublishRawAsync($"panels/{panelId}/acks", ack);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The broker went away: the panel resends after its ack timeout.
                    }
                }

                Changed?.Invoke();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        await _client.TryDisconnectAsync();
        _client.Dispose();
        _stop.Dispose();
    }
}
