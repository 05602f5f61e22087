using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PanelAgent.Fleet;

/// <summary>
/// One client certificate per simulated panel (CN = panel id, the user the shipped ACL's <c>%u</c> patterns key on),
/// issued by the test PKI's station CA and written as PEM beside it, the way a panel's provisioning leaves them in
/// /etc/panelagent/link/. ECDSA P-256 like every other certificate of the link.
/// </summary>
internal static class FleetPki
{
    private static long s_serial = 0x0F1E_E700_0000;

    public static string CertFile(string directory, string panelId) => Path.Combine(directory, $"{panelId}.pem");

    public static string KeyFile(string directory, string panelId) => Path.Combine(directory, $"{panelId}.key");

    /// <summary>Issues certificates for <paramref name="panelIds"/> into <paramref name="directory"/>, two at a time (2 cores).</summary>
    public static void Issue(X509Certificate2 ca, IReadOnlyList<string> panelIds, string directory)
    {
        Directory.CreateDirectory(directory);
        Parallel.ForEach(panelIds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, id => IssueOne(ca, id, directory));
    }

    private static void IssueOne(X509Certificate2 ca, string panelId, string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={panelId}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        // Client authentication only: a panel certificate cannot serve as a broker.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = BitConverter.GetBytes(Interlocked.Increment(ref s_serial));
        Array.Reverse(serial);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(ca, now.AddDays(-1), now.AddDays(7), serial);
        File.WriteAllText(CertFile(directory, panelId), certificate.ExportCertificatePem());
        File.WriteAllText(KeyFile(directory, panelId), key.ExportPkcs8PrivateKeyPem());
    }
}
