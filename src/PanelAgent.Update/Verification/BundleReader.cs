using System.Security.Cryptography;
using System.Text.Json;
using PanelAgent.Update.Manifest;
using PanelAgent.Update.Signing;

namespace PanelAgent.Update.Verification;

/// <summary>
/// Reads a bundle or an installed slot: the signature over <c>manifest.json</c> first (nothing in the manifest is
/// believed before), then every listed file's size and SHA-256, and refuses files the manifest does not list.
/// </summary>
public static class BundleReader
{
    public static VerifiedBundle ReadVerified(string directory, IReadOnlyList<TrustedKey> keys)
    {
        var manifestPath = Path.Combine(directory, BundleFiles.Manifest);
        var signaturePath = Path.Combine(directory, BundleFiles.Signature);
        if (!File.Exists(manifestPath) || !File.Exists(signaturePath))
        {
            throw new UpdateRefusedException(UpdateRefusal.Integrity,
                $"bundle: '{directory}' has no {BundleFiles.Manifest} and {BundleFiles.Signature}");
        }

        var bytes = File.ReadAllBytes(manifestPath);
        var signer = ManifestSignature.FindSigner(bytes, File.ReadAllBytes(signaturePath), keys)
            ?? throw new UpdateRefusedException(UpdateRefusal.Untrusted,
                $"signature: {BundleFiles.Signature} was not made by any of the {keys.Count} trusted key(s)");
        var manifest = Parse(bytes);
        CheckFiles(directory, manifest);
        return new VerifiedBundle(directory, manifest, signer.Name);
    }

    /// <summary>Parses signed manifest bytes; a malformed one is an integrity refusal naming the problem.</summary>
    public static ReleaseManifest Parse(byte[] bytes)
    {
        ReleaseManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(bytes, ManifestJsonContext.Default.ReleaseManifest);
        }
        catch (JsonException ex)
        {
            throw new UpdateRefusedException(UpdateRefusal.Integrity, $"manifest: not a valid manifest: {ex.Message}");
        }

        if (manifest is null || manifest.Format != ReleaseManifest.CurrentFormat)
        {
            throw new UpdateRefusedException(UpdateRefusal.Integrity,
                $"manifest.format: this build reads format {ReleaseManifest.CurrentFormat} only");
        }

        if (!ReleaseVersion.TryParse(manifest.Version, out _) || !ReleaseVersion.TryParse(manifest.MinUpdateFrom, out _))
        {
            throw new UpdateRefusedException(UpdateRefusal.Integrity,
                "manifest.version: version and minUpdateFrom must be MAJOR.MINOR.PATCH");
        }

        return manifest;
    }

    private static void CheckFiles(string directory, ReleaseManifest manifest)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal) { BundleFiles.Manifest, BundleFiles.Signature };
        foreach (var file in manifest.Files)
        {
            var path = SafePath(directory, file.Path);
            if (!listed.Add(file.Path))
            {
                throw new UpdateRefusedException(UpdateRefusal.Integrity, $"manifest.files: '{file.Path}' listed twice");
            }

            if (!File.Exists(path) || new FileInfo(path).Length != file.Size || Sha256Of(path) != file.Sha256)
            {
                throw new UpdateRefusedException(UpdateRefusal.Integrity,
                    $"file '{file.Path}': missing, or its size or sha256 differs from the manifest");
            }
        }

        var root = Path.GetFullPath(directory);
        foreach (var present in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, present).Replace('\\', '/');
            if (!listed.Contains(relative))
            {
                throw new UpdateRefusedException(UpdateRefusal.Integrity, $"file '{relative}': not listed in the manifest");
            }
        }
    }

    /// <summary>A listed path must stay inside the bundle: no rooted path, no <c>..</c>.</summary>
    internal static string SafePath(string directory, string relative)
    {
        if (relative.Length == 0 || relative.StartsWith('/') || relative.Split('/').Any(p => p is ".." or "." or ""))
        {
            throw new UpdateRefusedException(UpdateRefusal.Integrity, $"manifest.files: unsafe path '{relative}'");
        }

        return Path.Combine(directory, relative);
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
