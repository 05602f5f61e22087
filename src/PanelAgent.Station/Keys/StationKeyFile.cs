using System.Security.Cryptography;
using System.Text.Json;
using PanelAgent.Protocol.Keys;
using PanelAgent.Station.Configuration;

namespace PanelAgent.Station.Keys;

/// <summary>
/// The station's key material. The keys file is JSON, one entry per panel and key id:
/// <code>{ "panels": [ { "panel": "panel-a", "keyId": 1, "masterSecret": "&lt;base64, 32+ random bytes&gt;" } ] }</code>
/// Each entry derives that panel's uplink and downlink keys (<see cref="KeyDerivation.DeriveKeySet"/>); several key
/// ids for one panel are a rotation, the highest seals acks. The signing key is an ECDSA P-256 private key in PEM
/// (PKCS#8 or SEC1). Both files stay at the station (mode 0600).
/// </summary>
public static class StationKeyFile
{
    public static KeyRing LoadKeyRing(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("panels", out var panels) || panels.ValueKind != JsonValueKind.Array)
            {
                throw new StationConfigException("keysFile", "needs a \"panels\" array");
            }

            var ring = new KeyRing();
            foreach (var entry in panels.EnumerateArray())
            {
                ring.Add(KeySetOf(entry));
            }

            return ring;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException
            or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            throw new StationConfigException("keysFile", $"cannot use {path}: {e.Message}");
        }
    }

    public static ECDsa LoadSigningKey(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            if (key.KeySize != 256)
            {
                throw new ArgumentException("not a P-256 key");
            }

            return key;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new StationConfigException("signingKeyFile", $"cannot use {path} as an ECDSA P-256 private key: {e.Message}");
        }
    }

    /// <summary>Writes a keys file (provisioning tools and tests).</summary>
    public static string Format(IEnumerable<(string Panel, uint KeyId, byte[] MasterSecret)> entries) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["panels"] = entries.Select(e => new Dictionary<string, object>
            {
                ["panel"] = e.Panel,
                ["keyId"] = e.KeyId,
                ["masterSecret"] = Convert.ToBase64String(e.MasterSecret),
            }).ToList(),
        });

    private static KeySet KeySetOf(JsonElement entry)
    {
        var panel = entry.GetProperty("panel").GetString() ?? throw new FormatException("panel is null");
        var keyId = entry.GetProperty("keyId").GetUInt32();
        var secret = Convert.FromBase64String(entry.GetProperty("masterSecret").GetString() ?? "");
        try
        {
            return KeyDerivation.DeriveKeySet(secret, panel, keyId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
