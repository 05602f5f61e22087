using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PanelAgent.Cli.Tests.Support;

/// <summary>Runs a program to its end (or kills it at the deadline) and returns its exit code and output.</summary>
internal static class ProcessRunner
{
    /// <summary>The muxer of the runtime running the tests, so child processes run on the same .NET.</summary>
    public static string Dotnet
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            {
                return host;
            }

            var muxer = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
            return File.Exists(muxer) ? muxer : "dotnet";
        }
    }

    public static string PanelCtlDll { get; } = Path.Combine(AppContext.BaseDirectory, "panelctl.dll");

    public static string AgentDll { get; } = Path.Combine(AppContext.BaseDirectory, "panel-agent.dll");

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, IEnumerable<string> args,
        TimeSpan deadline)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(deadline);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not end within {deadline}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs a system tool (useradd, tmux...) and fails the test with its output when it fails.</summary>
    public static async Task<string> ToolAsync(string program, params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(program, args, TimeSpan.FromSeconds(60));
        Assert.True(code == 0, $"{program} {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }
}
