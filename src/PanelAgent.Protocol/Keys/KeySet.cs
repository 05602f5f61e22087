using PanelAgent.Protocol.Envelopes;

namespace PanelAgent.Protocol.Keys;

/// <summary>
/// The two symmetric keys one panel shares with the station under one key id: uplink (panel → station) and downlink
/// (station → panel). A panel is provisioned with exactly its own key sets; the station holds one per panel and key
/// id, or derives them from a master secret (<see cref="KeyDerivation"/>). The downlink key only gives confidentiality
/// to the panel: authenticity of downlink comes from the station's signature, which no key set can make.
/// </summary>
public sealed class KeySet
{
    /// <summary>AES-256: 32 bytes.</summary>
    public const int KeySize = 32;

    private readonly byte[] _uplink;
    private readonly byte[] _downlink;

    public KeySet(string panelId, uint keyId, ReadOnlySpan<byte> uplinkKey, ReadOnlySpan<byte> downlinkKey)
    {
        PanelIds.EnsureValid(panelId);
        if (uplinkKey.Length != KeySize || downlinkKey.Length != KeySize)
        {
            throw new ArgumentException($"keys are {KeySize} bytes (AES-256)");
        }

        if (uplinkKey.SequenceEqual(downlinkKey))
        {
            // One key for both directions would let a panel's message be reflected back to it as a downlink one.
            throw new ArgumentException("the uplink and downlink keys must differ");
        }

        PanelId = panelId;
        KeyId = keyId;
        _uplink = uplinkKey.ToArray();
        _downlink = downlinkKey.ToArray();
    }

    public string PanelId { get; }

    public uint KeyId { get; }

    internal ReadOnlySpan<byte> KeyFor(Direction direction) => direction == Direction.Uplink ? _uplink : _downlink;
}
