using System.Buffers.Binary;
using System.Security.Cryptography;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;

namespace PanelAgent.Protocol.Sealing;

/// <summary>
/// AES-256-GCM under a per-session key. The session key is HKDF-Expand(direction key, "panelagent/v1/session/" ‖
/// session nonce) (RFC 5869 §2.3; Extract is skipped because the direction key is already uniformly random, §3.3).
/// The IV is 4 zero bytes ‖ the 64-bit sequence: the deterministic construction of NIST SP 800-38D §8.2.1 with an
/// empty fixed field, sound because every session has its own key and the sequence never repeats within a session.
/// </summary>
internal static class MessageCrypto
{
    public const int IvSize = 12;

    private static readonly byte[] s_sessionInfo = "panelagent/v1/session/"u8.ToArray();

    public static void Encrypt(
        ReadOnlySpan<byte> directionKey, EnvelopeHeader header, ReadOnlySpan<byte> associatedData, Span<byte> data, Span<byte> tag)
    {
        Span<byte> key = stackalloc byte[KeySet.KeySize];
        Span<byte> iv = stackalloc byte[IvSize];
        try
        {
            DeriveSessionKey(directionKey, header.Session, key);
            WriteIv(header.Sequence, iv);
            using var aes = new AesGcm(key, EnvelopeLayout.TagSize);
            aes.Encrypt(iv, data, data, tag, associatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Decrypts into <paramref name="plaintext"/>; false when the tag does not verify (nothing is released).</summary>
    public static bool TryDecrypt(
        ReadOnlySpan<byte> directionKey, EnvelopeHeader header, ReadOnlySpan<byte> associatedData,
        ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext)
    {
        Span<byte> key = stackalloc byte[KeySet.KeySize];
        Span<byte> iv = stackalloc byte[IvSize];
        try
        {
            DeriveSessionKey(directionKey, header.Session, key);
            WriteIv(header.Sequence, iv);
            using var aes = new AesGcm(key, EnvelopeLayout.TagSize);
            aes.Decrypt(iv, ciphertext, tag, plaintext, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    internal static void DeriveSessionKey(ReadOnlySpan<byte> directionKey, SessionNonce session, Span<byte> key)
    {
        Span<byte> info = stackalloc byte[s_sessionInfo.Length + SessionNonce.Size];
        s_sessionInfo.CopyTo(info);
        session.WriteTo(info[s_sessionInfo.Length..]);
        HKDF.Expand(HashAlgorithmName.SHA256, directionKey, key, info);
    }

    internal static void WriteIv(ulong sequence, Span<byte> iv)
    {
        iv[..4].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(iv[4..], sequence);
    }
}
