using System.Buffers;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace PanelAgent.Transport;

public sealed partial class ConnectionSupervisor
{
    /// <summary>
    /// Publishes at QoS 1 and waits for the PUBACK, at most <see cref="MqttLinkOptions.PublishDeadline"/>. Link
    /// problems come back as an outcome, never as an exception; only <paramref name="cancellationToken"/> throws.
    /// A PUBACK is the broker's, not the station's: it is not a receipt (issue 3 §3).
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain,
        CancellationToken cancellationToken)
    {
        // MQTTnet throws on a publish while disconnected; answering here keeps the caller's path exception-free.
        if (!_client.IsConnected)
        {
            return PublishOutcome.NotConnected();
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(new ReadOnlySequence<byte>(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        using var deadline = new CancellationTokenSource(_options.PublishDeadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var result = await _client.PublishAsync(message, linked.Token).ConfigureAwait(false);
            return Interpret(topic, result);
        }
        catch (Exception e) when (e is OperationCanceledException or MqttCommunicationTimedOutException
            && !cancellationToken.IsCancellationRequested)
        {
            TransportLog.PublishTimedOut(_logger, topic, _options.PublishDeadline);
            return PublishOutcome.TimedOut;
        }
        catch (Exception e) when (e is MqttCommunicationException or IOException or SocketException
            or ObjectDisposedException)
        {
            // The link dropped between the IsConnected check and the PUBACK.
            TransportLog.PublishNotConnected(_logger, topic, e.GetType().Name);
            return PublishOutcome.NotConnected(e.GetType().Name);
        }
    }

    private PublishOutcome Interpret(string topic, MqttClientPublishResult result)
    {
        // MQTT 5 PUBACK 0x10 "no matching subscribers" still means the broker took the message [MQTT-3.4.2.1].
        if (result.IsSuccess || result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers)
        {
            return PublishOutcome.Sent;
        }

        var reason = string.IsNullOrEmpty(result.ReasonString)
            ? result.ReasonCode.ToString()
            : $"{result.ReasonCode} ({result.ReasonString})";
        TransportLog.PublishRejected(_logger, topic, reason);
        return PublishOutcome.Rejected(reason);
    }
}
