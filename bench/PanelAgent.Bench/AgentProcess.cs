using System.Diagnostics;
using System.Globalization;

namespace PanelAgent.Bench;

/// <summary>
/// A real panel-agent process (<c>dotnet panel-agent.dll --config … --simulate --data DIR</c>), with its start time,
/// the moment its "Panel ready" log line arrives, and its CPU time and RSS read from /proc.
/// </summary>
internal sealed class AgentProcess : IDisposable
{
    private const string ReadyText = "Panel ready";

    /// <summary>Log lines that mark the stages of start-up, in the order they come; the last is READY.</summary>
    public static readonly IReadOnlyList<(string Stage, string Text)> Milestones =
    [
        ("host built, outputs open", "Output Siren on line"),
        ("storage opened", "Storage opened at"),
        ("state resumed", "Panel resumed in"),
        ("inputs open", "Inputs: "),
        ("ready", ReadyText),
    ];

    private readonly Dictionary<string, long> _milestones = new(StringComparer.Ordinal);
    private readonly Process _process;
    private readonly ManualResetEventSlim _ready = new();
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private long _readyAt;

    private AgentProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public long StartedAt { get; private set; }

    public static AgentProcess Start(string agentPath, string configPath, string dataDirectory)
    {
        // A .dll runs on the shared framework; anything else is a self-contained or Native AOT executable (bench release).
        var dll = agentPath.EndsWith(".dll", StringComparison.Ordinal);
        var info = new ProcessStartInfo(dll ? "dotnet" : agentPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The host's content root is its working directory: give it one with nothing in it.
            WorkingDirectory = dataDirectory,
        };
        foreach (var arg in (dll ? [agentPath] : Array.Empty<string>()).Concat(["--config", configPath, "--simulate", "--data", dataDirectory]))
        {
            info.ArgumentList.Add(arg);
        }

        var agent = new AgentProcess(new Process { StartInfo = info });
        agent._process.OutputDataReceived += (_, e) => agent.OnLine(e.Data);
        agent._process.ErrorDataReceived += (_, e) => agent.OnLine(e.Data);
        agent.StartedAt = Stopwatch.GetTimestamp();
        agent._process.Start();
        agent._process.BeginOutputReadLine();
        agent._process.BeginErrorReadLine();
        return agent;
    }

    /// <summary>Milliseconds from just before the process was started to its "Panel ready" line.</summary>
    public double WaitReadyMs(TimeSpan timeout)
    {
        if (!_ready.Wait(timeout))
        {
            var exited = _process.HasExited ? $"exited {_process.ExitCode}" : "still running";
            throw new InvalidOperationException(
                $"panel-agent did not log '{ReadyText}' within {timeout.TotalSeconds} s ({exited}); last lines:\n{Tail()}");
        }

        return Stats.Ms(StartedAt, Volatile.Read(ref _readyAt));
    }

    /// <summary>utime + stime of the process, in clock ticks (/proc/PID/stat fields 14 and 15).</summary>
    public long CpuTicks() => Ticks(File.ReadAllText($"/proc/{Id}/stat")).Ticks;

    /// <summary>The same per thread (/proc/PID/task/TID/stat), keyed by thread id, with the thread's name.</summary>
    public Dictionary<int, (string Name, long Ticks)> ThreadTicks()
    {
        var threads = new Dictionary<int, (string Name, long Ticks)>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{Id}/task"))
        {
            try
            {
                threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] =
                    Ticks(File.ReadAllText(Path.Combine(task, "stat")));
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }

        return threads;
    }

    /// <summary>VmRSS from /proc/PID/status, in kB.</summary>
    public long RssKb()
    {
        var line = File.ReadLines($"/proc/{Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>SIGTERM, as systemd stops the service; SIGKILL only if it does not end within 15 s. Returns the exit code.</summary>
    public int Terminate()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(15)))
            {
                _process.Kill();
            }
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Milliseconds from the start to each milestone line seen (stamped as the line arrived).</summary>
    public Dictionary<string, double> MilestonesMs()
    {
        lock (_gate)
        {
            return _milestones.ToDictionary(m => m.Key, m => Stats.Ms(StartedAt, m.Value), StringComparer.Ordinal);
        }
    }

    public string Tail()
    {
        lock (_gate)
        {
            return string.Join('\n', _tail);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _ready.Dispose();
    }

    private static (string Name, long Ticks) Ticks(string stat)
    {
        // The command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis.
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        return (stat[(open + 1)..close],
            long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }

    private void OnLine(string? line)
    {
        var at = Stopwatch.GetTimestamp();
        if (line is null)
        {
            return;
        }

        if (!_ready.IsSet && line.Contains(ReadyText, StringComparison.Ordinal))
        {
            Volatile.Write(ref _readyAt, at);
            _ready.Set();
        }

        lock (_gate)
        {
            foreach (var (stage, text) in Milestones)
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    _milestones.TryAdd(stage, at);
                }
            }

            _tail.Enqueue(line);
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }
}
