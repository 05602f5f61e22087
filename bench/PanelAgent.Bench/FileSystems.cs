namespace PanelAgent.Bench;

/// <summary>What the reader needs to judge the figures: the file system under the databases and the machine's load.</summary>
internal static class FileSystems
{
    /// <summary>The type of the mount holding <paramref name="path"/> (longest mount-point prefix in /proc/mounts).</summary>
    public static string TypeOf(string path)
    {
        try
        {
            return File.ReadLines("/proc/mounts")
                .Select(l => l.Split(' '))
                .Where(f => f.Length > 2 && IsUnder(path, f[1]))
                .OrderByDescending(f => f[1].Length)
                .Select(f => f[2])
                .FirstOrDefault() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static bool IsUnder(string path, string mountPoint) =>
        mountPoint == "/" || path == mountPoint || path.StartsWith(mountPoint + "/", StringComparison.Ordinal);
}
