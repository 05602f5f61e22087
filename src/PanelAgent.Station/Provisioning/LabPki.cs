using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PanelAgent.Station.Provisioning;

/// <summary>
/// A complete, self-made PKI for a lab or the demo: a CA, the broker's server certificate (127.0.0.1, localhost), one
/// panel's client certificate (CN = panel id, which the broker ACL ties to the panel's topics) and the station's
/// (CN = station). ECDSA P-256, valid 30 days. A real fleet uses the operator's CA; nothing here is for production.
/// </summary>
internal sealed class LabPki(string directory, DateTimeOffset now)
{
    private long _serial = 0x1000;

    public void Write(string panelId)
    {
        using var ca = CreateCa();
        WriteFile("ca.pem", ca.ExportCertificatePem());
        foreach (var (name, server) in new[] { ("broker", true), (panelId, false), ("station", false) })
        {
            using var certificate = Issue(ca, name, server);
            using var key = certificate.GetECDsaPrivateKey()!;
            WriteFile($"{name}.pem", certificate.ExportCertificatePem());
            WriteFile($"{name}.key", key.ExportPkcs8PrivateKeyPem());
        }
    }

    /// <summary>Owner-only: the keys are the panel's and the station's identities (and the demo's, but still).</summary>
    public void WriteFile(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private X509Certificate2 CreateCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=PanelAgent Lab CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }

    private X509Certificate2 Issue(X509Certificate2 ca, string commonName, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = BitConverter.GetBytes(++_serial);
        Array.Reverse(serial);
        using var certificate = request.Create(ca, now.AddDays(-1), now.AddDays(30), serial);
        return certificate.CopyWithPrivateKey(key);
    }
}
