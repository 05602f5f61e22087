using System.Security.Cryptography.X509Certificates;
using MQTTnet.Protocol;
using PanelAgent.Protocol.Envelopes;

namespace PanelAgent.Broker.Security;

/// <summary>
/// Ties the MQTT client id to the client certificate, which MQTTnet does not do by itself. The CN is the identity the
/// ACL speaks of (Mosquitto's use_identity_as_username); the client id decides which session a connection takes
/// over, so a panel must connect as exactly its CN. The station may run several instances, each needing its own
/// session: <c>station</c> or <c>station-SUFFIX</c>. Panel CNs of that form are refused so that no panel certificate
/// can take a station instance's session.
/// </summary>
public static class ClientIdentity
{
    /// <summary>The one CN of the subject, or null when there is none or more than one.</summary>
    public static string? CommonNameOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var names = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(rdn => rdn.GetSingleElementType().Value == "2.5.4.3")
            .Select(rdn => rdn.GetSingleElementValue())
            .ToList();
        return names.Count == 1 ? names[0] : null;
    }

    /// <summary>Null when the client may connect; otherwise the CONNACK reason code and why.</summary>
    public static (MqttConnectReasonCode Code, string Reason)? Check(string? commonName, string? clientId, string stationIdentity)
    {
        ArgumentNullException.ThrowIfNull(stationIdentity);
        if (commonName is null || !PanelIds.IsValid(commonName))
        {
            return (MqttConnectReasonCode.NotAuthorized, "certificate CN missing, repeated or not of [A-Za-z0-9._-]{1,64}");
        }

        var stationPrefix = stationIdentity + "-";
        if (string.Equals(commonName, stationIdentity, StringComparison.Ordinal))
        {
            return clientId is not null && PanelIds.IsValid(clientId)
                && (clientId == stationIdentity || clientId.StartsWith(stationPrefix, StringComparison.Ordinal))
                ? null
                : (MqttConnectReasonCode.ClientIdentifierNotValid, $"the station connects as {stationIdentity} or {stationPrefix}SUFFIX");
        }

        if (commonName.StartsWith(stationPrefix, StringComparison.Ordinal))
        {
            return (MqttConnectReasonCode.NotAuthorized, $"CN {stationPrefix}* is reserved for station instances");
        }

        return string.Equals(clientId, commonName, StringComparison.Ordinal)
            ? null
            : (MqttConnectReasonCode.ClientIdentifierNotValid, "the client id must equal the certificate CN");
    }
}
