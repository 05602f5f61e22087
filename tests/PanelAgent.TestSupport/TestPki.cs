using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PanelAgent.TestSupport;

/// <summary>
/// Key material made at test time with CertificateRequest, written as PEM files into a private temporary directory:
/// the station CA, the broker certificate (127.0.0.1, localhost), panel-a, panel-b, station, a panel the broker CRL
/// revokes, and a rogue CA with its own "panel-a".
/// </summary>
public sealed class TestPki : IDisposable
{
    private static readonly DateTimeOffset s_notBefore = DateTimeOffset.UtcNow.AddDays(-1);
    private static readonly DateTimeOffset s_notAfter = DateTimeOffset.UtcNow.AddDays(30);
    private long _serial = 0x1000;

    public TestPki()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("pa-mqtt-pki-").FullName;
        Ca = CreateCa("PanelAgent Test Station CA");
        RogueCa = CreateCa("Rogue CA");
        Server = Issue(Ca, "broker", server: true);
        using var revoked = Issue(Ca, "panel-revoked", server: false);
        Write("ca.pem", Ca.ExportCertificatePem());
        Write("rogue-ca.pem", RogueCa.ExportCertificatePem());
        WritePair("server", Server);
        WritePair("panel-revoked", revoked);
        foreach (var (file, issuer, name) in new[]
            { ("panel-a", Ca, "panel-a"), ("panel-b", Ca, "panel-b"), ("station", Ca, "station"),
              ("rogue-panel-a", RogueCa, "panel-a") })
        {
            using var certificate = Issue(issuer, name, server: false);
            WritePair(file, certificate);
        }

        // The broker's CRL revokes panel-revoked; a panel-side CRL revoking the broker is made by tests on demand.
        Write("ca.crl", CrlPem(Ca, revoked));
        Write("empty.crl", CrlPem(Ca));
    }

    public string Directory { get; }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 RogueCa { get; }

    public X509Certificate2 Server { get; }

    public string PathOf(string file) => Path.Combine(Directory, file);

    public string CertFile(string name) => PathOf($"{name}.pem");

    public string KeyFile(string name) => PathOf($"{name}.key");

    /// <summary>A CRL signed by <paramref name="issuer"/> that revokes <paramref name="revoked"/>, as PEM.</summary>
    public static string CrlPem(X509Certificate2 issuer, params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked)
        {
            builder.AddEntry(certificate);
        }

        var der = builder.Build(issuer, 1, DateTimeOffset.UtcNow.AddDays(7), HashAlgorithmName.SHA256,
            thisUpdate: DateTimeOffset.UtcNow.AddMinutes(-5));
        return PemEncoding.WriteString("X509 CRL", der);
    }

    public void Write(string file, string text) => File.WriteAllText(PathOf(file), text);

    private void WritePair(string name, X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPrivateKey()!;
        Write($"{name}.pem", certificate.ExportCertificatePem());
        Write($"{name}.key", key.ExportPkcs8PrivateKeyPem());
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(s_notBefore, s_notAfter);
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

        var serial = BitConverter.GetBytes(Interlocked.Increment(ref _serial));
        Array.Reverse(serial);
        using var certificate = request.Create(ca, s_notBefore, s_notAfter, serial);
        return certificate.CopyWithPrivateKey(key);
    }

    public void Dispose()
    {
        Ca.Dispose();
        RogueCa.Dispose();
        Server.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
