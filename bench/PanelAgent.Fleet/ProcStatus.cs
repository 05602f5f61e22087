using System.Globalization;

namespace PanelAgent.Fleet;

/// <summary>Resource figures from /proc: what limits a fleet on one machine (memory, file descriptors).</summary>
internal static class ProcStatus
{
    public static long RssKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static long RssKb() => RssKb(Environment.ProcessId);

    /// <summary>Open file descriptors of this process (each panel's TLS socket is one).</summary>
    public static int OpenFiles() => Directory.GetFiles("/proc/self/fd").Length;
}
