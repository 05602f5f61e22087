namespace PanelAgent.Update.Manifest;

/// <summary>
/// <c>manifest.json</c> of a release bundle: what the release is, what it may replace, and the hash of every other
/// file. The detached signature (<c>manifest.json.sig</c>) covers these exact bytes, so nothing here is trusted
/// before the signature checks out.
/// </summary>
public sealed record ReleaseManifest
{
    /// <summary>The only manifest format this build reads.</summary>
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    /// <summary>MAJOR.MINOR.PATCH; PATCH counts commits, so a later commit is a higher version.</summary>
    public required string Version { get; init; }

    /// <summary>The git commit the release was built from.</summary>
    public string? Commit { get; init; }

    /// <summary>The oldest installed version this release may replace (older panels need an intermediate release).</summary>
    public required string MinUpdateFrom { get; init; }

    /// <summary>The SQLite schema version this release writes (StorageSchema.CurrentVersion at build time).</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>Signed as a rollback release: may replace a newer installed version.</summary>
    public bool Rollback { get; init; }

    public required IReadOnlyList<ManifestFile> Files { get; init; }
}
