using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using PanelAgent.Station.Configuration;

namespace PanelAgent.Station.Mqtt;

/// <summary>MQTT 5 over mutual TLS: the station certificate, the station CA as the only trust anchor.</summary>
public static class StationMqttOptions
{
    public static MqttClientOptions Build(StationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        X509Certificate2 ca;
        X509Certificate2 client;
        try
        {
            ca = X509CertificateLoader.LoadCertificateFromFile(options.CaFile);
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException)
        {
            throw new StationConfigException("caFile", e.Message);
        }

        try
        {
            client = X509Certificate2.CreateFromPemFile(options.CertFile, options.CertKeyFile);
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new StationConfigException("certFile", e.Message);
        }

        return new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.ClientId)
            .WithTimeout(options.Timeout)
            .WithCleanStart(true)
            .WithTlsOptions(o => o.UseTls()
                .WithTrustChain([ca])
                .WithClientCertificates([client])
                // A pinned private CA on an isolated network: online revocation checks only fail slowly
                // (DEPENDENCY-NOTES); panels are revoked at the broker with its CRL.
                .WithRevocationMode(X509RevocationMode.NoCheck))
            .Build();
    }
}
