using System.Runtime.InteropServices;

namespace PanelAgent.Update.Slots;

/// <summary>
/// fsync for files and directories, and an atomic symlink replacement. A rename is atomic, but only durable once the
/// directory holding it is synced: without that a power cut can bring back the old name (rename(2), fsync(2)).
/// </summary>
internal static partial class Durable
{
    private const int ReadOnly = 0;           // O_RDONLY

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> through a temporary file, synced, then renamed.</summary>
    public static void WriteFile(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static void SyncFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    public static void SyncDirectory(string directory)
    {
        // O_DIRECTORY differs between x86-64 (0x10000) and arm64 (0x4000): open read-only without it, which is enough
        // for fsync on Linux.
        var fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"open('{directory}') failed with errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync('{directory}') failed with errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Points <paramref name="link"/> at <paramref name="target"/> atomically: a new link, renamed over the old.</summary>
    public static void ReplaceSymlink(string link, string target)
    {
        var temporary = link + ".new";
        File.Delete(temporary);
        File.CreateSymbolicLink(temporary, target);
        if (Rename(temporary, link) != 0)
        {
            throw new IOException($"rename('{temporary}', '{link}') failed with errno {Marshal.GetLastPInvokeError()}");
        }

        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(link))!);
    }

    // File.Move on a symlink would follow .NET's own rules (it refuses to overwrite a directory target);
    // rename(2) replaces the link itself, atomically.
    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string from, string to);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
