using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using PanelAgent.Transport;

namespace PanelAgent.Broker.Security;

/// <summary>
/// The TLS client-certificate check: the chain must end at the configured CA (the only trust anchor, never the
/// system store), the leaf must be valid now and for client authentication, and its serial must not be on the CRL.
/// .NET cannot be handed a CRL file, so the CRL is the same <see cref="RevocationList"/> the panel uses, re-read
/// whenever the file changes (a new revocation takes effect at the next connect, without a restart).
/// </summary>
public sealed class ClientCertificateValidator : IDisposable
{
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private readonly X509Certificate2 _ca;
    private readonly string _crlFile;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _crlLock = new();
    private RevocationList? _crl;
    private DateTime _crlWrittenAt;

    /// <summary>Loads the CA and the CRL; a CRL the CA did not sign throws <see cref="CryptographicException"/>.</summary>
    public ClientCertificateValidator(string caFile, string crlFile, ILogger logger, TimeProvider time)
    {
        _ca = X509CertificateLoader.LoadCertificateFromFile(caFile);
        _crlFile = crlFile;
        _logger = logger;
        _time = time;
        if (crlFile.Length > 0)
        {
            _crlWrittenAt = File.GetLastWriteTimeUtc(crlFile);
            _crl = RevocationList.Load(crlFile, _ca);
            BrokerLog.CrlLoaded(_logger, _crl.Count, _crl.NextUpdate);
        }
    }

    /// <summary>A <see cref="RemoteCertificateValidationCallback"/>; the system's own verdict is ignored on purpose.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            BrokerLog.CertificateRefused(_logger, "?", "no client certificate");
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        // Revocation is our CRL file below; Online would stall on an isolated network (DEPENDENCY-NOTES).
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthOid));
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        if (!chain.Build(leaf))
        {
            var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
            BrokerLog.CertificateRefused(_logger, leaf.Subject, $"chain: {status}");
            return false;
        }

        var crl = CurrentCrl();
        if (crl is not null && crl.IsRevoked(leaf))
        {
            BrokerLog.CertificateRefused(_logger, leaf.Subject, $"revoked (serial {leaf.SerialNumber})");
            return false;
        }

        return true;
    }

    private RevocationList? CurrentCrl()
    {
        if (_crlFile.Length == 0)
        {
            return null;
        }

        lock (_crlLock)
        {
            TryReload();
            if (_crl?.NextUpdate is { } next && next < _time.GetUtcNow())
            {
                // A stale CRL still lists what it lists; refusing every panel over a missed refresh would silence
                // alarms (the panel takes the same view of the broker's CRL).
                BrokerLog.CrlStale(_logger, next);
            }

            return _crl;
        }
    }

    private void TryReload()
    {
        try
        {
            var written = File.GetLastWriteTimeUtc(_crlFile);
            if (written == _crlWrittenAt)
            {
                return;
            }

            // Once per change of the file, whether it loads or not: a broken file is reported once, not per connect.
            _crlWrittenAt = written;
            _crl = RevocationList.Load(_crlFile, _ca);
            BrokerLog.CrlLoaded(_logger, _crl.Count, _crl.NextUpdate);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException
            or System.Formats.Asn1.AsnContentException or FormatException)
        {
            // Keep the last good list: a half-written file must not let revoked panels back in.
            BrokerLog.CrlReloadFailed(_logger, e.Message);
        }
    }

    public void Dispose() => _ca.Dispose();
}
