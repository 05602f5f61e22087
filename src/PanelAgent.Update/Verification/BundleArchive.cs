using System.Formats.Tar;
using System.IO.Compression;

namespace PanelAgent.Update.Verification;

/// <summary>
/// A bundle as publish.sh ships it, <c>panelagent-VERSION-RID.tar.gz</c>: unpacked into a work directory before it is
/// verified. Only directories and regular files are taken, and no path may leave the work directory; anything else
/// (links, devices) is refused, because nothing in the archive is trusted before the manifest's signature is checked.
/// </summary>
public static class BundleArchive
{
    public static bool IsArchive(string path) =>
        File.Exists(path) && (path.EndsWith(".tar.gz", StringComparison.Ordinal) || path.EndsWith(".tgz", StringComparison.Ordinal));

    /// <summary>Unpacks into <paramref name="workDirectory"/> (emptied first); returns the bundle directory inside it.</summary>
    public static string Unpack(string archive, string workDirectory)
    {
        if (Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }

        var root = Directory.CreateDirectory(workDirectory).FullName;
        try
        {
            using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (reader.GetNextEntry() is { } entry)
            {
                Extract(entry, root);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new UpdateRefusedException(UpdateRefusal.Integrity, $"bundle: '{archive}' is not a readable .tar.gz: {ex.Message}");
        }

        var tops = Directory.GetDirectories(root);
        return tops.Length == 1 && Directory.GetFiles(root).Length == 0
            ? tops[0]
            : throw new UpdateRefusedException(UpdateRefusal.Integrity, $"bundle: '{archive}' must hold exactly one bundle directory");
    }

    private static void Extract(TarEntry entry, string root)
    {
        var name = entry.Name.TrimEnd('/');
        if (name.Length == 0 || name == ".")
        {
            return;
        }

        var target = BundleReader.SafePath(root, name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name);
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                Directory.CreateDirectory(target);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: false);
                break;
            default:
                throw new UpdateRefusedException(UpdateRefusal.Integrity, $"bundle: entry '{name}' is a {entry.EntryType}, not a file");
        }
    }
}
