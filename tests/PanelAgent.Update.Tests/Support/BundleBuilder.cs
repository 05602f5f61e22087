using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using PanelAgent.Update.Manifest;
using PanelAgent.Update.Signing;

namespace PanelAgent.Update.Tests.Support;

/// <summary>
/// Writes a small release bundle the way publish.sh does: a stand-in <c>panel-agent</c> (a shell script that prints
/// its version, so a test can run the slot), a unit file, the manifest with every hash, and the detached signature.
/// </summary>
internal sealed record BundleBuilder(string Version)
{
    public string MinUpdateFrom { get; init; } = "0.0.0";

    public int SchemaVersion { get; init; } = 2;

    public bool Rollback { get; init; }

    public string Write(string directory, SigningKey key)
    {
        Directory.CreateDirectory(Path.Combine(directory, "systemd"));
        File.WriteAllText(Path.Combine(directory, "panel-agent"), $"#!/bin/sh\necho \"panel-agent {Version}\"\n");
        File.WriteAllText(Path.Combine(directory, "systemd", "panel-agent.service"), "[Service]\nType=notify\n");
        var manifest = new ReleaseManifest
        {
            Version = Version,
            Commit = "0123456789abcdef",
            MinUpdateFrom = MinUpdateFrom,
            SchemaVersion = SchemaVersion,
            Rollback = Rollback,
            Files = [Describe(directory, "panel-agent", executable: true), Describe(directory, "systemd/panel-agent.service", false)],
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJsonContext.Default.ReleaseManifest);
        File.WriteAllBytes(Path.Combine(directory, BundleFiles.Manifest), bytes);
        File.WriteAllBytes(Path.Combine(directory, BundleFiles.Signature), ManifestSignature.Sign(bytes, key.Key));
        return directory;
    }

    private static ManifestFile Describe(string directory, string relative, bool executable)
    {
        var path = Path.Combine(directory, relative);
        return new ManifestFile
        {
            Path = relative,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
            Size = new FileInfo(path).Length,
            Executable = executable,
        };
    }

    public static void FlipByte(string path, int offset = 0)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    public static string VersionText(int patch) => string.Create(CultureInfo.InvariantCulture, $"1.0.{patch}");
}
