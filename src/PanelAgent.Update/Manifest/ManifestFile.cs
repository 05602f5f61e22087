namespace PanelAgent.Update.Manifest;

/// <summary>One file of the bundle: a relative path (forward slashes, no <c>..</c>), its SHA-256 (hex) and size.</summary>
public sealed record ManifestFile
{
    public required string Path { get; init; }

    public required string Sha256 { get; init; }

    public required long Size { get; init; }

    /// <summary>Installed with the execute bit (binaries, state scripts).</summary>
    public bool Executable { get; init; }
}
