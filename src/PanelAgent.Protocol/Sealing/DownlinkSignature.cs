using System.Security.Cryptography;

namespace PanelAgent.Protocol.Sealing;

/// <summary>
/// The station's ECDSA P-256 signature over a downlink envelope (header, ciphertext and tag), hashed with SHA-256
/// behind a context string so the signing key can never be made to sign anything else (domain separation). Panels
/// hold only the public key, so no key a panel has can produce a downlink message it would accept.
/// </summary>
internal static class DownlinkSignature
{
    private const int HashSize = 32;

    private static readonly byte[] s_context = "panelagent/v1/downlink-signature\0"u8.ToArray();

    public static void Sign(ECDsa signingKey, ReadOnlySpan<byte> signed, Span<byte> signature)
    {
        Span<byte> hash = stackalloc byte[HashSize];
        Hash(signed, hash);
        if (!signingKey.TrySignHash(hash, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written)
            || written != signature.Length)
        {
            throw new CryptographicException("the station key did not produce a 64-byte P-256 signature");
        }
    }

    /// <summary>True when any trusted station key verifies (two during a rotation of the station key, else one).</summary>
    public static bool Verify(IReadOnlyList<ECDsa> trustedKeys, ReadOnlySpan<byte> signed, ReadOnlySpan<byte> signature)
    {
        Span<byte> hash = stackalloc byte[HashSize];
        Hash(signed, hash);
        foreach (var key in trustedKeys)
        {
            if (key.VerifyHash(hash, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>P-256 only: a 64-byte r ‖ s signature is part of the layout.</summary>
    public static void EnsureP256(ECDsa key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.KeySize != 256)
        {
            throw new ArgumentException("the station key is ECDSA P-256", paramName);
        }
    }

    private static void Hash(ReadOnlySpan<byte> signed, Span<byte> hash)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(s_context);
        sha.AppendData(signed);
        sha.GetHashAndReset(hash);
    }
}
