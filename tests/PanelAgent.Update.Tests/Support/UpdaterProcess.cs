using System.Diagnostics;
using PanelAgent.Update.Cli;

namespace PanelAgent.Update.Tests.Support;

/// <summary>
/// The real updater, <c>dotnet panel-agent.dll update ...</c> from the test output folder, run against an
/// <see cref="UpdateRig"/> with commands that stand in for systemctl and panelctl.
/// </summary>
internal static class UpdaterProcess
{
    private static readonly TimeSpan s_patience = TimeSpan.FromMinutes(2);

    public static string[] Options(UpdateRig rig, bool healthy) =>
    [
        "--root", rig.Root, "--keys", rig.KeysDirectory, "--db", rig.DatabasePath, "--no-station",
        "--restart-command", "true", "--ready-command", "true", "--health-command", healthy ? "true" : "false",
        "--ready-deadline", "00:00:10",
    ];

    public static Process Start(IEnumerable<string> arguments, string? pauseAt = null)
    {
        var info = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "panel-agent.dll"));
        info.ArgumentList.Add("update");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (pauseAt is not null)
        {
            info.Environment[UpdateCommand.PauseVariable] = pauseAt;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Runs to the end; returns the exit code and everything printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_patience);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Waits until the paused updater has written its marker (it then waits forever), or fails if it exits.</summary>
    public static async Task WaitForPauseAsync(Process process, string marker)
    {
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_patience);
        while (!File.Exists(marker))
        {
            if (process.HasExited)
            {
                Assert.Fail($"the updater exited ({process.ExitCode}) before pausing: {await errors}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    /// <summary>Runs <c>current/panel-agent</c>: what systemd would start after a reboot.</summary>
    public static async Task<string> RunCurrentAsync(string root)
    {
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(root, "current", "panel-agent"))
        {
            UseShellExecute = false, RedirectStandardOutput = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
