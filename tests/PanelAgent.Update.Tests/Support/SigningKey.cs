using System.Security.Cryptography;

namespace PanelAgent.Update.Tests.Support;

/// <summary>A P-256 key pair generated at test time (never committed); its public half goes in a trusted-keys folder.</summary>
internal sealed class SigningKey : IDisposable
{
    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void TrustIn(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".pem"), Key.ExportSubjectPublicKeyInfoPem());
    }

    public void Dispose() => Key.Dispose();
}
