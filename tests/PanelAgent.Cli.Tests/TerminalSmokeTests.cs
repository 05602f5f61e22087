using System.Diagnostics;
using PanelAgent.Cli.Tests.Support;

namespace PanelAgent.Cli.Tests;

/// <summary>
/// The technician's view end to end: a real <c>panel-agent --simulate</c> process (its front door toggled by the
/// simulation's storm), and the real panelctl running <c>walk-test</c> in a tmux pane, read back with capture-pane.
/// tmux is installed by scripts/setup.sh; its server here is a private one (<c>-L</c>), killed at the end.
/// </summary>
public sealed class TerminalSmokeTests
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task WalkTest_InTmuxAgainstSimulatedAgent_ScreenShowsLiveTripsAndItsEnd()
    {
        using var dir = new TempDirectory();
        var socket = dir.Combine("diag.sock");
        using var agent = StartAgent(dir);
        var tmux = "pctl-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await WaitAsync(() => File.Exists(socket), () => "the agent never opened its socket");
            var command = $"'{ProcessRunner.Dotnet}' '{ProcessRunner.PanelCtlDll}' --socket '{socket}' walk-test --duration 4; " +
                "echo \"EXIT=$?\"; sleep 300";
            await ProcessRunner.ToolAsync("tmux", "-L", tmux, "new-session", "-d", "-s", "walk", "-x", "160", "-y", "40", command);

            var screen = "";
            await WaitAsync(() => (screen = Capture(tmux)).Contains("EXIT=", StringComparison.Ordinal), () => "no EXIT= on screen:\n" + screen);

            Assert.Contains("walk test started: 4 s", screen, StringComparison.Ordinal);
            Assert.Matches(@"\d\d:\d\d:\d\d\.\d{3}Z\s+front-door\s+active", screen);
            Assert.Contains("walk test ended: time is up", screen, StringComparison.Ordinal);
            Assert.Matches(@"front-door\s+\d+", screen);
            Assert.Contains("EXIT=0", screen, StringComparison.Ordinal);
        }
        finally
        {
            await ProcessRunner.RunAsync("tmux", ["-L", tmux, "kill-server"], TimeSpan.FromSeconds(30));
            agent.Kill(entireProcessTree: true);
            await agent.WaitForExitAsync();
        }
    }

    private static Process StartAgent(TempDirectory dir)
    {
        var info = new ProcessStartInfo(ProcessRunner.Dotnet)
        {
            WorkingDirectory = dir.FullPath, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { ProcessRunner.AgentDll, "--config", DiagnosticsHarness.ConfigPath, "--simulate",
            "--data", dir.FullPath, "--storm", "front-door", "--storm-interval", "300" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment.Remove("NOTIFY_SOCKET");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Capture(string tmux)
    {
        using var process = Process.Start(new ProcessStartInfo("tmux", ["-L", tmux, "capture-pane", "-p", "-t", "walk"])
        {
            RedirectStandardOutput = true, UseShellExecute = false,
        })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    /// <summary>Polls until true; fails with <paramref name="why"/> after the deadline (a hang guard, not a timing assertion).</summary>
    private static async Task WaitAsync(Func<bool> done, Func<string> why)
    {
        var deadline = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(deadline.Elapsed < s_deadline, why());
            await Task.Delay(100);
        }
    }
}
