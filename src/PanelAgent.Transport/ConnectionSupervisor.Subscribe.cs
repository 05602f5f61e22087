using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;

namespace PanelAgent.Transport;

public sealed partial class ConnectionSupervisor
{
    private readonly Lock _subscriptionsLock = new();
    private readonly List<string> _subscriptions = [];

    /// <summary>
    /// Raised for every message the broker delivers on a subscribed topic, on MQTTnet's receive thread. Handlers must
    /// not block (hand the bytes to a channel); an exception from a handler is logged and swallowed, never thrown
    /// into MQTTnet, whose receive loop it would end.
    /// </summary>
    public event EventHandler<LinkMessageEventArgs>? MessageReceived;

    /// <summary>
    /// Subscribes to <paramref name="topic"/> (QoS 1) now when connected, and again after every later connect: the
    /// supervisor connects with clean start, so the broker forgets subscriptions with the session. Link problems are
    /// not exceptions: false means "not subscribed yet", and the next connect subscribes.
    /// </summary>
    public async Task<bool> SubscribeAsync(string topic, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        lock (_subscriptionsLock)
        {
            if (!_subscriptions.Contains(topic, StringComparer.Ordinal))
            {
                _subscriptions.Add(topic);
            }
        }

        return _client.IsConnected && await TrySubscribeAsync([topic], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a connect and before <see cref="Connected"/>: the subscriptions the clean start dropped.</summary>
    private async Task ResubscribeAsync(CancellationToken cancellationToken)
    {
        string[] topics;
        lock (_subscriptionsLock)
        {
            topics = [.. _subscriptions];
        }

        if (topics.Length > 0)
        {
            await TrySubscribeAsync(topics, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TrySubscribeAsync(IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in topics)
        {
            builder.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        using var deadline = new CancellationTokenSource(_options.PublishDeadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var result = await _client.SubscribeAsync(builder.Build(), linked.Token).ConfigureAwait(false);
            var granted = true;
            foreach (var item in result.Items)
            {
                // SUBACK reason codes 0x00-0x02 grant a QoS; 0x80 and above refuse (an ACL denial is 0x87) [MQTT-3.9.3].
                if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
                {
                    TransportLog.SubscribeRefused(_logger, item.TopicFilter.Topic, item.ResultCode.ToString());
                    granted = false;
                }
            }

            return granted;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Timed out or the link dropped: the next connect subscribes again.
            TransportLog.SubscribeFailed(_logger, string.Join(", ", topics), e.GetType().Name);
            return false;
        }
    }

    private Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var handlers = MessageReceived;
        if (handlers is null)
        {
            return Task.CompletedTask;
        }

        // The payload sequence belongs to MQTTnet's buffer and is only valid during this call: copy it.
        var message = new LinkMessageEventArgs(args.ApplicationMessage.Topic, args.ApplicationMessage.Payload.ToArray());
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<LinkMessageEventArgs>>())
        {
            try
            {
                handler(this, message);
            }
#pragma warning disable CA1031 // An exception escaping into MQTTnet would end its receive loop and the link with it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                TransportLog.ReceiveHandlerFailed(_logger, message.Topic, e.GetType().Name);
            }
        }

        return Task.CompletedTask;
    }
}
