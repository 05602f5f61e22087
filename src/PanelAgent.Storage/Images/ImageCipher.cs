using System.Security.Cryptography;
using System.Text;

namespace PanelAgent.Storage.Images;

/// <summary>
/// AES-256-GCM with a fresh random key per image, so one key never seals two messages and a random 96-bit nonce is
/// safe. File layout: nonce (12) ‖ tag (16) ‖ ciphertext. The file name is the associated data, so a file moved under
/// another row's name does not open.
/// </summary>
internal static class ImageCipher
{
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static (byte[] Key, byte[] Sealed) Seal(ReadOnlySpan<byte> plain, string fileName)
    {
        var key = RandomNumberGenerator.GetBytes(KeySize);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.ASCII.GetBytes(fileName));
        return (key, output);
    }

    /// <summary>Null when the file is damaged or not this key's.</summary>
    public static byte[]? Open(byte[] key, ReadOnlySpan<byte> sealedBytes, string fileName)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize),
                plain, Encoding.ASCII.GetBytes(fileName));
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
