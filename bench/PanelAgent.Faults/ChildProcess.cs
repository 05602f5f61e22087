using System.Diagnostics;
using System.Globalization;

namespace PanelAgent.Faults;

/// <summary>
/// A real child process (panel-agent or panel-station under <c>dotnet</c>) with its output read line by line: stdout
/// lines go to a callback, and the last 60 of both streams are kept for failure messages. Killed on dispose.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Signal)> _waiters = [];
    private readonly Lock _gate = new();

    private ChildProcess(Process process, Action<string>? onStdout)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Received(e.Data, onStdout);
        _process.ErrorDataReceived += (_, e) => Received(e.Data, null);
    }

    public int Id => _process.Id;

    public long StartedAt { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet DLL ARGS</c> in <paramref name="workingDirectory"/>; stdout lines also go to <paramref name="onStdout"/>.</summary>
    public static ChildProcess Start(string dll, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, Action<string>? onStdout = null, bool ignoreFileSizeSignal = false)
    {
        // RLIMIT_FSIZE (the disk-full fallback) sends SIGXFSZ, which kills by default: ignored through exec, a write
        // past the limit fails with EFBIG instead, as a full disk fails with ENOSPC.
        var info = new ProcessStartInfo(ignoreFileSizeSignal ? "sh" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        if (ignoreFileSizeSignal)
        {
            foreach (var arg in new[] { "-c", "trap '' XFSZ; exec \"$0\" \"$@\"", "dotnet" })
            {
                info.ArgumentList.Add(arg);
            }
        }

        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var child = new ChildProcess(new Process { StartInfo = info }, onStdout);
        child.StartedAt = Stopwatch.GetTimestamp();
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Completes when a line (seen now or later) matches; fails with the tail after <paramref name="timeout"/> or on exit.</summary>
    public async Task WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_tail.Any(match))
            {
                return;
            }

            _waiters.Add((match, signal));
        }

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(signal.Task, exited, Task.Delay(timeout)).ConfigureAwait(false);
        if (first != signal.Task)
        {
            var state = _process.HasExited ? $"exited {_process.ExitCode}" : "still running";
            throw new TimeoutException($"{what}: not seen within {timeout.TotalSeconds:F0} s ({state}); last lines:\n{Tail()}");
        }
    }

    /// <summary>Sends a signal (<c>KILL</c>, <c>TERM</c>) and waits for the exit; returns the exit code.</summary>
    public async Task<int> SignalAsync(string signal, TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", [$"-{signal}", Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        return _process.ExitCode;
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
    }

    private void Received(string? line, Action<string>? onStdout)
    {
        if (line is null)
        {
            return;
        }

        onStdout?.Invoke(line);
        lock (_gate)
        {
            _tail.Enqueue(line);
            if (_tail.Count > 60)
            {
                _tail.Dequeue();
            }

            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
