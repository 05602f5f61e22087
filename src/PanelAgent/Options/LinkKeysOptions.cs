namespace PanelAgent.Options;

/// <summary>
/// The <c>LinkKeys</c> section: where the panel's end-to-end key material lives. Only read when a <c>Link</c> section
/// is present.
/// </summary>
public sealed class LinkKeysOptions
{
    public const string SectionName = "LinkKeys";

    /// <summary>
    /// JSON keys file, the station's format (docs/station.md): <c>{ "panels": [ { "panel", "keyId", ... } ] }</c>.
    /// Only the entries whose <c>panel</c> is this panel's <c>Link:PanelId</c> are used. An entry carries either
    /// <c>uplinkKey</c> + <c>downlinkKey</c> (base64, 32 bytes each: the derived keys, what production should
    /// provision) or <c>masterSecret</c> (base64, 32+ bytes, derived here as the station does; tests and development
    /// only, because the master secret derives every other panel's keys too). Mode 0600.
    /// </summary>
    public string KeysFile { get; set; } = "/etc/panelagent/link/panel-keys.json";

    /// <summary>PEM of the station's ECDSA P-256 public key: the only key acknowledgements and commands are trusted from.</summary>
    public string StationPublicKeyFile { get; set; } = "/etc/panelagent/link/station-signing.pub.pem";
}
