using System.Text;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;

namespace PanelAgent.Broker.Tests.Support;

/// <summary>An MQTTnet client and the messages it received, in order.</summary>
public sealed class Inbox
{
    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>();
    private readonly List<Received> _all = [];

    public Inbox(IMqttClient client)
    {
        Client = client;
        client.ApplicationMessageReceivedAsync += e =>
        {
            var message = new Received(e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload),
                e.ApplicationMessage.Retain);
            lock (_all)
            {
                _all.Add(message);
            }

            _received.Writer.TryWrite(message);
            return Task.CompletedTask;
        };
    }

    public IMqttClient Client { get; }

    public IReadOnlyList<Received> All
    {
        get { lock (_all) { return [.. _all]; } }
    }

    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter)
    {
        var result = await Client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        return result.Items.Single().ResultCode;
    }

    public async Task<MqttClientPublishResult> PublishAsync(string topic, string payload, bool retain = false)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build();
        return await Client.PublishAsync(message);
    }

    /// <summary>The next message, or a TimeoutException after <see cref="BrokerRig.Patience"/>.</summary>
    public async Task<Received> NextAsync()
    {
        using var timeout = new CancellationTokenSource(BrokerRig.Patience);
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public sealed record Received(string Topic, string Payload, bool Retained);
}
