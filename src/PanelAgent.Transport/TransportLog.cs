using Microsoft.Extensions.Logging;

namespace PanelAgent.Transport;

/// <summary>
/// Transport log messages, EventIds 5000-5099: 5000-5019 connection, 5020-5039 TLS, 5040-5059 publish,
/// 5060-5069 subscribe and receive, 5070-5089 the event uplink (EventUplink).
/// They carry endpoints, topics, reason codes and sizes only, never payload bytes.
/// </summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information,
        Message = "Link connected to {Endpoint} as {PanelId} (session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string endpoint, string panelId, bool sessionPresent);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Link connect to {Endpoint} failed: {Problem}")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, string problem);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning,
        Message = "Link connect to {Endpoint} refused by the broker: CONNACK {ResultCode} {ReasonString}")]
    public static partial void ConnectRefused(ILogger logger, string endpoint, string resultCode, string? reasonString);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning,
        Message = "Link lost ({Reason}); the supervisor reconnects")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information,
        Message = "Every broker endpoint failed; next round in {Delay}")]
    public static partial void BackingOff(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Link ping failed; dropping the connection")]
    public static partial void PingFailed(ILogger logger);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error,
        Message = "Link key material could not be loaded: {Problem}")]
    public static partial void CredentialsUnreadable(ILogger logger, string problem);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning,
        Message = "Status ({State}) not published: {Status} {Reason}; the next heartbeat tries again")]
    public static partial void StatusNotPublished(ILogger logger, string state, PublishStatus status, string? reason);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Error, Message = "Broker certificate rejected: {Problem}")]
    public static partial void BrokerCertificateRejected(ILogger logger, string problem);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning,
        Message = "The link CRL expired at {NextUpdate}; its entries are still honoured. Refresh the CRL file")]
    public static partial void CrlStale(ILogger logger, DateTimeOffset nextUpdate);

    [LoggerMessage(EventId = 5040, Level = LogLevel.Warning,
        Message = "Publish to {Topic} rejected by the broker: {Reason}")]
    public static partial void PublishRejected(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Warning,
        Message = "Publish to {Topic} got no PUBACK within {Deadline}")]
    public static partial void PublishTimedOut(ILogger logger, string topic, TimeSpan deadline);

    [LoggerMessage(EventId = 5042, Level = LogLevel.Debug,
        Message = "Publish to {Topic} failed, link down: {Problem}")]
    public static partial void PublishNotConnected(ILogger logger, string topic, string problem);

    [LoggerMessage(EventId = 5060, Level = LogLevel.Warning,
        Message = "Subscription to {Topic} refused by the broker: SUBACK {ResultCode}")]
    public static partial void SubscribeRefused(ILogger logger, string topic, string resultCode);

    [LoggerMessage(EventId = 5061, Level = LogLevel.Warning,
        Message = "Subscription to {Topics} failed ({Problem}); the next connect subscribes again")]
    public static partial void SubscribeFailed(ILogger logger, string topics, string problem);

    [LoggerMessage(EventId = 5062, Level = LogLevel.Error,
        Message = "A handler of messages on {Topic} threw {Exception}; the message is dropped, the link stays up")]
    public static partial void ReceiveHandlerFailed(ILogger logger, string topic, string exception);
}
