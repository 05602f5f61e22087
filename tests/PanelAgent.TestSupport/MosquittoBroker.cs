using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PanelAgent.TestSupport;

/// <summary>
/// A real Mosquitto (Debian's, installed by scripts/setup.sh) on 127.0.0.1, run with the shipped ACL and the test
/// variant of the shipped config. Killed with SIGKILL on dispose.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly string _configPath;
    private readonly StringBuilder _log = new();
    private readonly List<(string Text, TaskCompletionSource Signal)> _waiters = [];
    private Process? _process;

    private MosquittoBroker(string configPath, int port)
    {
        _configPath = configPath;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Everything the broker printed so far (it logs ACL denials as "Denied PUBLISH").</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Completes when the broker has printed <paramref name="text"/> (now or later).</summary>
    public Task WhenLoggedAsync(string text)
    {
        lock (_log)
        {
            if (_log.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, signal));
            return signal.Task;
        }
    }

    public static async Task<MosquittoBroker> StartAsync(TestPki pki, int? port = null)
    {
        var actualPort = port ?? FreePort();
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "mosquitto", "mosquitto.test.conf"));
        var config = template
            .Replace("@ACL@", Path.Combine(AppContext.BaseDirectory, "mosquitto", "acl"), StringComparison.Ordinal)
            .Replace("@DIR@", pki.Directory, StringComparison.Ordinal)
            .Replace("@PORT@", actualPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@USER@", Environment.UserName, StringComparison.Ordinal);
        var configPath = pki.PathOf($"mosquitto-{actualPort}.conf");
        await File.WriteAllTextAsync(configPath, config);
        var broker = new MosquittoBroker(configPath, actualPort);
        await broker.RestartAsync();
        return broker;
    }

    /// <summary>Starts the broker (again) on the same port and returns once it accepts TCP connections.</summary>
    public async Task RestartAsync()
    {
        var info = new ProcessStartInfo(FindExecutable(), ["-c", _configPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process?.Dispose();
        _process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitAcceptingAsync(_process);
    }

    /// <summary>SIGKILL: no DISCONNECT, no will flush, like a broker host losing power.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGSTOP: the TCP connection stays open but nothing is answered (a hung broker or a black-holed link).</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    public Task ThawAsync() => SignalAsync("CONT");

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private async Task WaitAcceptingAsync(Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {process.ExitCode}:\n{Log}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new TimeoutException($"mosquitto did not listen on {Port} within 10 s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
                foreach (var waiter in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
                {
                    waiter.Signal.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }

    /// <summary>Fails (never skips) when the broker is missing, so a machine without it cannot pass silently.</summary>
    private static string FindExecutable()
    {
        // Debian installs it in /usr/sbin, which is not on a normal user's PATH.
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Concat(["/usr/sbin", "/usr/local/sbin"]);
        return directories.Select(d => Path.Combine(d, "mosquitto")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "mosquitto is not installed: these integration tests need a real broker. Run scripts/setup.sh.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                await ThawAsync();
            }

            await KillAsync();
            _process.Dispose();
        }
    }
}
