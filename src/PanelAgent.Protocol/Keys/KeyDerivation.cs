using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PanelAgent.Protocol.Envelopes;

namespace PanelAgent.Protocol.Keys;

/// <summary>
/// Derives per-panel, per-direction, per-key-id AES-256 keys from a station master secret with HKDF-SHA256
/// (RFC 5869 §2): the info string <c>panelagent/v1/&lt;direction&gt;/&lt;panelId&gt;/&lt;keyId&gt;</c> separates every
/// key from every other, so one panel's keys say nothing about another's (RFC 5869 §3.2), and neither direction's
/// key about the other's.
/// </summary>
public static class KeyDerivation
{
    /// <summary>The master secret is uniformly random and at least as long as the keys it yields (RFC 5869 §3.3).</summary>
    public const int MinMasterSecretBytes = 32;

    /// <summary>A fixed, public, application-specific salt (RFC 5869 §3.1: a salt need not be secret).</summary>
    private static readonly byte[] s_salt = "panelagent/v1/hkdf-salt"u8.ToArray();

    public static string Info(Direction direction, string panelId, uint keyId) => string.Create(
        CultureInfo.InvariantCulture, $"panelagent/v1/{(direction == Direction.Uplink ? "uplink" : "downlink")}/{panelId}/{keyId}");

    public static byte[] DeriveDirectionKey(ReadOnlySpan<byte> masterSecret, Direction direction, string panelId, uint keyId)
    {
        if (masterSecret.Length < MinMasterSecretBytes)
        {
            throw new ArgumentException($"a master secret has at least {MinMasterSecretBytes} random bytes", nameof(masterSecret));
        }

        PanelIds.EnsureValid(panelId);
        var info = Encoding.ASCII.GetBytes(Info(direction, panelId, keyId));
        var key = new byte[KeySet.KeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterSecret, key, s_salt, info);
        return key;
    }

    /// <summary>Both keys of one panel under one key id: what the panel is provisioned with.</summary>
    public static KeySet DeriveKeySet(ReadOnlySpan<byte> masterSecret, string panelId, uint keyId)
    {
        var uplink = DeriveDirectionKey(masterSecret, Direction.Uplink, panelId, keyId);
        var downlink = DeriveDirectionKey(masterSecret, Direction.Downlink, panelId, keyId);
        try
        {
            return new KeySet(panelId, keyId, uplink, downlink);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(uplink);
            CryptographicOperations.ZeroMemory(downlink);
        }
    }
}
