using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace PanelAgent.Transport;

/// <summary>
/// The panel's key material, read from the files of <see cref="MqttLinkOptions"/> once per connect round so a
/// renewed certificate or CRL is picked up without a restart.
/// </summary>
internal sealed class LinkCredentials : IDisposable
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    private LinkCredentials(X509Certificate2 ca, X509Certificate2 client, RevocationList? crl, ILogger logger,
        TimeProvider time)
    {
        Ca = ca;
        Client = client;
        Crl = crl;
        _logger = logger;
        _time = time;
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Client { get; }

    public RevocationList? Crl { get; }

    public static LinkCredentials Load(MqttLinkOptions options, ILogger logger, TimeProvider time)
    {
        var ca = X509CertificateLoader.LoadCertificateFromFile(options.CaFile);
        var client = X509Certificate2.CreateFromPemFile(options.ClientCertFile, options.ClientKeyFile);
        try
        {
            var crl = options.CrlFile.Length > 0 ? RevocationList.Load(options.CrlFile, ca) : null;
            return new LinkCredentials(ca, client, crl, logger, time);
        }
        catch
        {
            ca.Dispose();
            client.Dispose();
            throw;
        }
    }

    public void Configure(MqttClientTlsOptionsBuilder tls, string targetHost) => tls
        .UseTls()
        .WithTargetHost(targetHost)
        // The pinned CA is the only anchor: MQTTnet turns a non-empty trust chain into CustomRootTrust.
        .WithTrustChain([Ca])
        .WithClientCertificates([Client])
        // NoCheck for .NET's own chain: it cannot take our CRL file and Online would stall on an isolated network.
        // Revocation is checked against the CRL file in ValidateBroker instead.
        .WithRevocationMode(X509RevocationMode.NoCheck)
        .WithCertificateValidationHandler(ValidateBroker);

    private bool ValidateBroker(MqttClientCertificateValidationEventArgs args)
    {
        if (args.SslPolicyErrors != SslPolicyErrors.None || args.Certificate is null)
        {
            TransportLog.BrokerCertificateRejected(_logger, args.SslPolicyErrors.ToString());
            return false;
        }

        if (Crl is null)
        {
            return true;
        }

        if (Crl.NextUpdate is { } next && next < _time.GetUtcNow())
        {
            // A stale CRL still lists what it lists; refusing the link would silence alarms over a missed refresh.
            TransportLog.CrlStale(_logger, next);
        }

        using var leaf = X509CertificateLoader.LoadCertificate(args.Certificate.GetRawCertData());
        if (Crl.IsRevoked(leaf))
        {
            TransportLog.BrokerCertificateRejected(_logger, $"revoked (serial {leaf.SerialNumber})");
            return false;
        }

        return true;
    }

    public void Dispose()
    {
        Ca.Dispose();
        Client.Dispose();
    }
}
