using System.Diagnostics;
using System.Globalization;

namespace PanelAgent.Faults;

/// <summary>
/// "Disk full" for the agent's data directory. As root: a size-limited tmpfs mounted on it, filled with a filler file
/// until ENOSPC, and the filler deleted to recover. Otherwise (fallback): RLIMIT_FSIZE set on the running agent with
/// util-linux prlimit at the current size of its largest file, so the next growth fails with EFBIG, and lifted again.
/// </summary>
internal sealed class DiskLimit : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly string _directory;
    private readonly bool _tmpfs;
    private int? _limitedPid;

    private DiskLimit(string directory, bool tmpfs, string method)
    {
        _directory = directory;
        _tmpfs = tmpfs;
        Method = method;
    }

    /// <summary>How the limit is made, for the report.</summary>
    public string Method { get; }

    private string Filler => Path.Combine(_directory, "filler");

    public static DiskLimit Create(string directory, long bytes)
    {
        Directory.CreateDirectory(directory);
        // PANEL_FAULTS_DISK=fsize forces the fallback, so that a root machine can exercise it too.
        if (Environment.IsPrivilegedProcess && Environment.GetEnvironmentVariable("PANEL_FAULTS_DISK") != "fsize" &&
            Run("mount", "-t", "tmpfs", "-o", $"size={bytes},mode=0700", "tmpfs", directory) == 0)
        {
            return new DiskLimit(directory, tmpfs: true, $"tmpfs of {bytes / (1024 * 1024)} MiB, filled to ENOSPC");
        }

        return new DiskLimit(directory, tmpfs: false, "RLIMIT_FSIZE via prlimit at the largest file's size");
    }

    /// <summary>Makes the next write that grows a file fail.</summary>
    public async Task FillAsync(int agentPid)
    {
        if (!_tmpfs)
        {
            var largest = Directory.EnumerateFiles(_directory).Select(f => new FileInfo(f).Length).DefaultIfEmpty(0).Max();
            _limitedPid = agentPid;
            Check(Run("prlimit", "--pid", agentPid.ToString(CultureInfo.InvariantCulture), $"--fsize={largest}:unlimited"));
            return;
        }

        var chunk = new byte[64 * 1024];
        await using var filler = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, 0);
        try
        {
            while (true)
            {
                await filler.WriteAsync(chunk);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full. Nothing is left for the agent either.
        }
    }

    /// <summary>Space again (the agent's held events can be written).</summary>
    public void Free()
    {
        if (_tmpfs)
        {
            File.Delete(Filler);
        }
        else if (_limitedPid is { } pid)
        {
            Run("prlimit", "--pid", pid.ToString(CultureInfo.InvariantCulture), "--fsize=unlimited:unlimited");
            _limitedPid = null;
        }
    }

    public void Dispose()
    {
        Free();
        if (_tmpfs)
        {
            Run("umount", "-l", _directory);
        }
    }

    private static void Check(int exitCode)
    {
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"prlimit failed with {exitCode}");
        }
    }

    private static int Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        process.WaitForExit(s_timeout);
        return process.HasExited ? process.ExitCode : -1;
    }
}
