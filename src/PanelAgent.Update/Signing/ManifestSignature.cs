using System.Security.Cryptography;

namespace PanelAgent.Update.Signing;

/// <summary>
/// ECDSA P-256 with SHA-256 over the exact bytes of <c>manifest.json</c>, DER-encoded (RFC 3279): what
/// <c>openssl dgst -sha256 -sign</c> writes, so publish.sh signs with openssl and the panel verifies here.
/// </summary>
public static class ManifestSignature
{
    private const DSASignatureFormat Format = DSASignatureFormat.Rfc3279DerSequence;

    public static byte[] Sign(ReadOnlySpan<byte> manifest, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.SignData(manifest, HashAlgorithmName.SHA256, Format);
    }

    /// <summary>The trusted key that made <paramref name="signature"/>, or null when none did.</summary>
    public static TrustedKey? FindSigner(ReadOnlySpan<byte> manifest, ReadOnlySpan<byte> signature, IEnumerable<TrustedKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            if (key.Key.VerifyData(manifest, signature, HashAlgorithmName.SHA256, Format))
            {
                return key;
            }
        }

        return null;
    }
}
