using System.Buffers;
using Microsoft.Extensions.Logging;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;
using PanelAgent.Broker.Acl;
using PanelAgent.Broker.Security;
using PanelAgent.Broker.Sharing;

namespace PanelAgent.Broker;

/// <summary>
/// MQTTnet.Server's interceptors, doing what Mosquitto's <c>require_certificate</c>, <c>use_identity_as_username</c>
/// and <c>acl_file</c> do: the certificate CN is the identity, the client id must match it, and every PUBLISH,
/// SUBSCRIBE and delivery is checked against the ACL. Refusals are logged with ids and topics, never payloads.
/// </summary>
internal sealed class AccessControl(AclRules acl, SharedSubscriptions shares, string stationIdentity, ILogger logger)
{
    private const string IdentityKey = "panelagent.identity";

    /// <summary>Every PUBLISH received, accepted or refused (the wire watch of the tests and the demo).</summary>
    public event EventHandler<BrokerMessageEventArgs>? MessageReceived;

    public void Attach(MqttServer server)
    {
        server.ValidatingConnectionAsync += ValidateConnectionAsync;
        server.ClientConnectedAsync += OnConnectedAsync;
        server.ClientDisconnectedAsync += OnDisconnectedAsync;
        server.InterceptingInboundPacketAsync += OnInboundPacketAsync;
        server.InterceptingSubscriptionAsync += OnSubscribingAsync;
        server.ClientSubscribedTopicAsync += OnSubscribedAsync;
        server.InterceptingPublishAsync += OnPublishingAsync;
        server.InterceptingClientEnqueueAsync += OnEnqueueingAsync;
    }

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs args)
    {
        var commonName = args.ClientCertificate is { } certificate ? ClientIdentity.CommonNameOf(certificate) : null;
        var problem = args.IsSecureConnection
            ? ClientIdentity.Check(commonName, args.ClientId, stationIdentity)
            : (MqttConnectReasonCode.NotAuthorized, "TLS with a client certificate is required");
        if (problem is { } refused)
        {
            args.ReasonCode = refused.Code;
            args.ReasonString = refused.Reason;
            BrokerLog.ConnectionRefused(logger, args.ClientId ?? "", commonName ?? "", refused.Reason);
            return Task.CompletedTask;
        }

        args.SessionItems[IdentityKey] = commonName!;
        return Task.CompletedTask;
    }

    private Task OnConnectedAsync(ClientConnectedEventArgs args)
    {
        var identity = IdentityOf(args.SessionItems);
        shares.Connected(args.ClientId, identity, args.SessionItems);
        BrokerLog.ClientConnected(logger, args.ClientId, identity);
        return Task.CompletedTask;
    }

    private Task OnDisconnectedAsync(ClientDisconnectedEventArgs args)
    {
        shares.Disconnected(args.ClientId, args.SessionItems);
        BrokerLog.ClientDisconnected(logger, args.ClientId, args.DisconnectType.ToString());
        return Task.CompletedTask;
    }

    private Task OnInboundPacketAsync(InterceptingPacketEventArgs args)
    {
        switch (args.Packet)
        {
            case MqttSubscribePacket subscribe:
                shares.RewriteSubscribe(subscribe);
                break;
            case MqttUnsubscribePacket unsubscribe:
                shares.RewriteUnsubscribe(args.ClientId, unsubscribe);
                break;
            case MqttDisconnectPacket { ReasonCode: MqttDisconnectReasonCode.DisconnectWithWillMessage }:
                // MQTTnet treats every DISCONNECT as clean and drops the will; MQTT 5 reason 0x04 asks for it
                // [MQTT-3.14.2.1]. Swallowing the packet makes the socket close look like a lost link: the will goes out.
                args.ProcessPacket = false;
                break;
        }

        return Task.CompletedTask;
    }

    private Task OnSubscribingAsync(InterceptingSubscriptionEventArgs args)
    {
        var mark = shares.MarkOf(args.TopicFilter);
        if (mark is { Valid: false })
        {
            args.Response.ReasonCode = MqttSubscribeReasonCode.TopicFilterInvalid;
            args.ProcessSubscription = false;
            return Task.CompletedTask;
        }

        var identity = IdentityOf(args.SessionItems);
        if (!acl.CanSubscribe(identity, args.ClientId, args.TopicFilter.Topic))
        {
            args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            args.ProcessSubscription = false;
            var shown = mark is null ? args.TopicFilter.Topic : $"$share/{mark.Group}/{mark.Filter}";
            BrokerLog.SubscribeDenied(logger, args.ClientId, identity, shown);
        }

        return Task.CompletedTask;
    }

    private Task OnSubscribedAsync(ClientSubscribedTopicEventArgs args)
    {
        shares.Subscribed(args.ClientId, args.SessionItems, args.TopicFilter);
        return Task.CompletedTask;
    }

    /// <summary>Client publishes and wills alike (MQTTnet dispatches a will as the client's own PUBLISH).</summary>
    private Task OnPublishingAsync(InterceptingPublishEventArgs args)
    {
        var identity = IdentityOf(args.SessionItems);
        var topic = args.ApplicationMessage.Topic;
        var accepted = topic is not null && acl.CanPublish(identity, args.ClientId, topic);
        if (!accepted)
        {
            args.ProcessPublish = false;
            args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            BrokerLog.PublishDenied(logger, args.ClientId, identity, topic ?? "");
        }

        MessageReceived?.Invoke(this, new BrokerMessageEventArgs(
            args.ClientId, topic ?? "", args.ApplicationMessage.Payload.ToArray(), accepted));
        return Task.CompletedTask;
    }

    private Task OnEnqueueingAsync(InterceptingClientApplicationMessageEnqueueEventArgs args)
    {
        args.AcceptEnqueue = shares.ShouldDeliver(args.ReceiverClientId, args.ApplicationMessage, out var readable);
        if (!readable)
        {
            BrokerLog.DeliveryDenied(logger, args.ReceiverClientId, args.ApplicationMessage.Topic);
        }

        return Task.CompletedTask;
    }

    private static string IdentityOf(System.Collections.IDictionary items) =>
        items[IdentityKey] as string ?? throw new InvalidOperationException("a session without a validated identity");
}
