using Microsoft.Extensions.Logging;

namespace PanelAgent.Broker;

/// <summary>
/// panel-broker log messages, EventIds 5500-5699: 5500-5509 lifecycle, 5510-5529 certificates and CRL, 5530-5549
/// connections, 5550-5569 ACL, 5570-5589 shared subscriptions. Client ids, CNs, topics and reasons only: never a payload.
/// </summary>
internal static partial class BrokerLog
{
    [LoggerMessage(EventId = 5500, Level = LogLevel.Information, Message = "panel-broker listening on {Endpoint} (mutual TLS, {RuleCount} ACL rules)")]
    public static partial void Started(ILogger logger, string endpoint, int ruleCount);

    [LoggerMessage(EventId = 5501, Level = LogLevel.Information, Message = "panel-broker stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 5510, Level = LogLevel.Warning, Message = "Client certificate refused from {Remote}: {Reason}")]
    public static partial void CertificateRefused(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 5511, Level = LogLevel.Information, Message = "CRL loaded: {Count} revoked, next update {NextUpdate}")]
    public static partial void CrlLoaded(ILogger logger, int count, DateTimeOffset? nextUpdate);

    [LoggerMessage(EventId = 5512, Level = LogLevel.Error, Message = "CRL file changed but cannot be used ({Problem}); the previous CRL stays in force")]
    public static partial void CrlReloadFailed(ILogger logger, string problem);

    [LoggerMessage(EventId = 5513, Level = LogLevel.Warning, Message = "CRL is past its next update ({NextUpdate}); still enforcing what it lists")]
    public static partial void CrlStale(ILogger logger, DateTimeOffset nextUpdate);

    [LoggerMessage(EventId = 5530, Level = LogLevel.Warning, Message = "Connection refused: client id {ClientId}, certificate CN {CommonName}: {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, string clientId, string commonName, string reason);

    [LoggerMessage(EventId = 5531, Level = LogLevel.Information, Message = "Client {ClientId} connected (CN {CommonName})")]
    public static partial void ClientConnected(ILogger logger, string clientId, string commonName);

    [LoggerMessage(EventId = 5532, Level = LogLevel.Information, Message = "Client {ClientId} disconnected ({DisconnectType})")]
    public static partial void ClientDisconnected(ILogger logger, string clientId, string disconnectType);

    [LoggerMessage(EventId = 5550, Level = LogLevel.Warning, Message = "Denied PUBLISH from {ClientId} (CN {CommonName}) to {Topic}")]
    public static partial void PublishDenied(ILogger logger, string clientId, string commonName, string topic);

    [LoggerMessage(EventId = 5551, Level = LogLevel.Warning, Message = "Denied SUBSCRIBE from {ClientId} (CN {CommonName}) to {Filter}")]
    public static partial void SubscribeDenied(ILogger logger, string clientId, string commonName, string filter);

    [LoggerMessage(EventId = 5552, Level = LogLevel.Warning, Message = "Withheld a message on {Topic} from {ClientId}: not readable by its CN")]
    public static partial void DeliveryDenied(ILogger logger, string clientId, string topic);

    [LoggerMessage(EventId = 5570, Level = LogLevel.Information, Message = "Client {ClientId} joined shared subscription {Group} on {Filter}")]
    public static partial void ShareJoined(ILogger logger, string clientId, string group, string filter);

    [LoggerMessage(EventId = 5571, Level = LogLevel.Information, Message = "Client {ClientId} left shared subscription {Group} on {Filter}")]
    public static partial void ShareLeft(ILogger logger, string clientId, string group, string filter);
}
