using PanelAgent.Update.Manifest;
using PanelAgent.Update.Verification;

namespace PanelAgent.Update.Slots;

/// <summary>
/// Two release slots under one root (<c>/opt/panelagent/a</c> and <c>b</c>) and the <c>current</c> symlink the unit's
/// ExecStart goes through. Only the slot <c>current</c> does not point at is ever written, and <c>current</c> only
/// changes by an atomic rename, so at every instant it names a whole, synced release: the old one or the new one.
/// </summary>
public sealed class SlotStore(string root)
{
    public const string CurrentLink = "current";
    private static readonly string[] s_slots = ["a", "b"];

    public string Root { get; } = Path.GetFullPath(root);

    public string SlotPath(string slot) => Path.Combine(Root, slot);

    /// <summary>The slot <c>current</c> points at, or null when there is none (not installed, or a foreign link).</summary>
    public string? CurrentSlot()
    {
        var link = new FileInfo(Path.Combine(Root, CurrentLink));
        var target = link.LinkTarget;
        return target is not null && s_slots.Contains(target) ? target : null;
    }

    public static string Other(string slot) => slot == "a" ? "b" : "a";

    /// <summary>The installed release's manifest (the slot was verified when it was staged).</summary>
    public ReleaseManifest ReadManifest(string slot) =>
        BundleReader.Parse(File.ReadAllBytes(Path.Combine(SlotPath(slot), BundleFiles.Manifest)));

    /// <summary>
    /// Copies the verified bundle into <paramref name="slot"/>: listed files first, the manifest and its signature last,
    /// everything synced, so a slot with a manifest is a whole slot. <paramref name="afterFirstFile"/> is the test hook
    /// for a kill in the middle of the copy.
    /// </summary>
    public async Task StageAsync(VerifiedBundle bundle, string slot, Func<Task> afterFirstFile)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(afterFirstFile);
        var target = SlotPath(slot);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(target);
        Durable.SyncDirectory(Root);
        var first = true;
        foreach (var file in bundle.Manifest.Files)
        {
            Copy(bundle.Directory, target, file.Path, file.Executable);
            if (first)
            {
                first = false;
                await afterFirstFile().ConfigureAwait(false);
            }
        }

        Copy(bundle.Directory, target, BundleFiles.Signature, executable: false);
        Copy(bundle.Directory, target, BundleFiles.Manifest, executable: false);
        foreach (var directory in Directory.EnumerateDirectories(target, "*", SearchOption.AllDirectories).Append(target))
        {
            Durable.SyncDirectory(directory);
        }
    }

    /// <summary>Points <c>current</c> at <paramref name="slot"/> (atomic, durable).</summary>
    public void Switch(string slot) => Durable.ReplaceSymlink(Path.Combine(Root, CurrentLink), slot);

    private static void Copy(string fromRoot, string toRoot, string relative, bool executable)
    {
        var destination = Path.Combine(toRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(Path.Combine(fromRoot, relative), destination, overwrite: true);
        File.SetUnixFileMode(destination, executable
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Durable.SyncFile(destination);
    }
}
