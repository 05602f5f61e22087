using PanelAgent.Update.Manifest;

namespace PanelAgent.Update.Verification;

/// <summary>A bundle whose signature, every file and whose policy checks passed.</summary>
public sealed record VerifiedBundle(string Directory, ReleaseManifest Manifest, string SignedBy);
