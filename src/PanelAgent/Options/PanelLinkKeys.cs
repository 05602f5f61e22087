using System.Security.Cryptography;
using System.Text.Json;
using PanelAgent.Protocol.Keys;

namespace PanelAgent.Options;

/// <summary>
/// The panel's key material, loaded and checked by the config loader so a bad file stops start-up with exit 78:
/// its own key sets (one per key id; the highest seals) and the station's public signing key.
/// </summary>
public sealed class PanelLinkKeys(KeyRing keys, ECDsa stationKey)
{
    public KeyRing Keys { get; } = keys;

    public ECDsa StationKey { get; } = stationKey;

    /// <summary>Loads both files; every problem is added to <paramref name="errors"/> naming its field, and null returned.</summary>
    public static PanelLinkKeys? Load(LinkKeysOptions options, string panelId, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        var ring = LoadRing(options.KeysFile, panelId, errors);
        var station = LoadStationKey(options.StationPublicKeyFile, errors);
        if (ring is null || station is null)
        {
            station?.Dispose();
            return null;
        }

        return new PanelLinkKeys(ring, station);
    }

    private static KeyRing? LoadRing(string path, string panelId, List<string> errors)
    {
        const string Field = $"{LinkKeysOptions.SectionName}:{nameof(LinkKeysOptions.KeysFile)}";
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("panels", out var panels) || panels.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{Field}: '{path}' needs a \"panels\" array.");
                return null;
            }

            var ring = new KeyRing();
            var found = 0;
            foreach (var entry in panels.EnumerateArray())
            {
                if (entry.GetProperty("panel").GetString() == panelId)
                {
                    ring.Add(KeySetOf(entry, panelId));
                    found++;
                }
            }

            if (found == 0)
            {
                errors.Add($"{Field}: '{path}' has no entry for panel '{panelId}' (Link:PanelId).");
                return null;
            }

            return ring;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException
            or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            // The message never carries key bytes: Convert and JsonElement name the position, not the value.
            errors.Add($"{Field}: cannot use '{path}': {e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    private static KeySet KeySetOf(JsonElement entry, string panelId)
    {
        var keyId = entry.GetProperty("keyId").GetUInt32();
        if (entry.TryGetProperty("uplinkKey", out var uplinkText))
        {
            // Production: only this panel's derived keys are on the panel, so a stolen panel reveals nothing about
            // any other panel (KeyDerivation: HKDF info separates panels and directions).
            var uplink = Convert.FromBase64String(uplinkText.GetString() ?? "");
            var downlink = Convert.FromBase64String(entry.GetProperty("downlinkKey").GetString() ?? "");
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

        // Development and tests only: the station's master secret derives every panel's keys. Never ship it to a panel.
        var secret = Convert.FromBase64String(entry.GetProperty("masterSecret").GetString() ?? "");
        try
        {
            return KeyDerivation.DeriveKeySet(secret, panelId, keyId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static ECDsa? LoadStationKey(string path, List<string> errors)
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
            errors.Add($"{LinkKeysOptions.SectionName}:{nameof(LinkKeysOptions.StationPublicKeyFile)}: cannot use '{path}' " +
                $"as an ECDSA P-256 public key: {e.Message}");
            return null;
        }
    }
}
