using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace PanelAgent.Fleet;

/// <summary>
/// A real <c>panel-station</c> process (panel-station.dll, built beside panel-fleet), its stdout lines fed to a
/// <see cref="StationOutput"/>. Stopped with SIGKILL: only after every panel's outbox is empty, so nothing is owed.
/// </summary>
internal sealed class StationProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private StationProcess(Process process, string clientId)
    {
        _process = process;
        ClientId = clientId;
    }

    public string ClientId { get; }

    public bool HasExited => _process.HasExited;

    public string Errors
    {
        get { lock (_errors) { return _errors.ToString(); } }
    }

    public static StationProcess Start(string configPath, string clientId, StationOutput output)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "panel-station.dll");
        if (!File.Exists(dll))
        {
            throw new FleetException($"panel-station.dll is not beside panel-fleet ({dll})");
        }

        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--config", configPath })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info) ?? throw new FleetException("panel-station did not start");
        var station = new StationProcess(process, clientId);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                output.Add(line);
            }
        };
        process.ErrorDataReceived += (_, e) => station.AppendError(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return station;
    }

    /// <summary>RSS in kB from /proc, 0 when the process is gone.</summary>
    public long RssKb() => ProcStatus.RssKb(_process.Id);

    private void AppendError(string? line)
    {
        if (line is not null)
        {
            lock (_errors)
            {
                _errors.AppendLine(line);
            }
        }
    }

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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
