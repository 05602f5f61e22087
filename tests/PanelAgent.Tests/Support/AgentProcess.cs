using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PanelAgent.Tests.Support;

/// <summary>
/// The built panel-agent as a real process: <c>dotnet panel-agent.dll ...</c> from the test output folder (the
/// project reference copies it there), with its stdout and stderr collected line by line. Tests wait for lines with a
/// timeout, send SIGTERM or SIGKILL, and wait for the exit; Dispose kills whatever is still running.
/// </summary>
internal sealed class AgentProcess : IDisposable
{
    private static readonly string[] s_inheritedSystemdVariables = ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"];

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<string> _errorLines = [];
    private readonly List<Waiter> _waiters = [];
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AgentProcess(ProcessStartInfo info)
    {
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, _lines, _outputClosed);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, _errorLines, _errorClosed);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>panel-agent.dll beside the test assembly.</summary>
    public static string AgentDll { get; } = Path.Combine(AppContext.BaseDirectory, "panel-agent.dll");

    public int Id => _process.Id;

    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public IReadOnlyList<string> ErrorLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _errorLines];
            }
        }
    }

    /// <summary>Everything printed so far, stdout then stderr.</summary>
    public string AllOutput => string.Join('\n', OutputLines.Concat(ErrorLines));

    /// <summary>
    /// Starts <c>dotnet panel-agent.dll <paramref name="arguments"/></c> in <paramref name="workingDirectory"/> (the host's
    /// content root, so no stray appsettings.json is read), as Production, outside any systemd watchdog.
    /// </summary>
    public static AgentProcess Start(
        string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(AgentDll))
        {
            throw new FileNotFoundException("panel-agent.dll is not beside the test assembly", AgentDll);
        }

        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AgentDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in s_inheritedSystemdVariables)
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return new AgentProcess(info);
    }

    /// <summary>
    /// The first line (stdout or stderr, already printed or still to come) that <paramref name="match"/> accepts.
    /// Fails at once when the process ends without printing one, and after <paramref name="timeout"/> otherwise.
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        Waiter waiter;
        lock (_gate)
        {
            if (_lines.Concat(_errorLines).FirstOrDefault(match) is { } seen)
            {
                return seen;
            }

            if (_outputClosed.Task.IsCompleted && _errorClosed.Task.IsCompleted)
            {
                throw Ended();
            }

            waiter = new Waiter(match);
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no matching line within {timeout}; output so far:\n{Tail()}");
        }
    }

    /// <summary>SIGTERM, as systemd stops a service.</summary>
    public void Terminate() => Signals.Send(_process.Id, Signals.Term);

    /// <summary>SIGKILL: nothing in the process runs any more, as on a crash (the power cut is the fault campaign's).</summary>
    public void KillHard() => _process.Kill();

    /// <summary>Waits for the exit and the end of both output streams; returns the exit code (128 + signal if killed).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"panel-agent did not exit within {timeout}; output so far:\n{Tail()}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    /// <summary>The muxer of the runtime running the tests, so the agent runs on the same .NET.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/ and the muxer is <root>/dotnet.
        var muxer = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        return File.Exists(muxer) ? muxer : "dotnet";
    }

    private void OnLine(string? line, List<string> lines, TaskCompletionSource closed)
    {
        List<Waiter> failed = [];
        lock (_gate)
        {
            if (line is null)
            {
                closed.TrySetResult();
                if (_outputClosed.Task.IsCompleted && _errorClosed.Task.IsCompleted)
                {
                    failed.AddRange(_waiters);
                    _waiters.Clear();
                }
            }
            else
            {
                lines.Add(line);
                foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
                {
                    waiter.Found.TrySetResult(line);
                    _waiters.Remove(waiter);
                }
            }
        }

        foreach (var waiter in failed)
        {
            waiter.Found.TrySetException(Ended());
        }
    }

    private InvalidOperationException Ended() =>
        new($"panel-agent ended without printing the line; its output:\n{Tail()}");

    private string Tail() => string.Join('\n', OutputLines.TakeLast(40).Concat(ErrorLines.TakeLast(20)));

    private sealed record Waiter(Func<string, bool> Match)
    {
        public TaskCompletionSource<string> Found { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
