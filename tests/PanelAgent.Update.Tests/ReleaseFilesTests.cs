using System.Diagnostics;

namespace PanelAgent.Update.Tests;

/// <summary>
/// The shipped release files: the units verify and score 2.0 or lower (scripts/systemd-check.sh), and every release
/// script at least parses. Runs the real tools; systemd-analyze is installed by the check script when missing.
/// </summary>
public sealed class ReleaseFilesTests
{
    private static readonly string s_repo = FindRepo();

    [Fact]
    public async Task SystemdCheck_Units_VerifyAndExposureAtMost2()
    {
        var (exitCode, output) = await RunAsync("bash", Path.Combine(s_repo, "scripts", "systemd-check.sh"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("verify panel-agent.service: ok", output, StringComparison.Ordinal);
        Assert.Matches(@"panel-agent\.service exposure: (0\.\d|1\.\d|2\.0)\b", output);
        // The station-requested update (docs/remote-actions.md): the path unit and the root service it starts.
        Assert.Contains("verify panel-agent-update.path: ok", output, StringComparison.Ordinal);
        Assert.Contains("verify panel-agent-update.service: ok", output, StringComparison.Ordinal);
        Assert.Matches(@"panel-agent-update\.service exposure: (0\.\d|1\.\d|2\.0)\b", output);
    }

    [Theory]
    [InlineData("bash", "publish.sh")]
    [InlineData("bash", "scripts/arm64-check.sh")]
    [InlineData("bash", "scripts/bench-release.sh")]
    [InlineData("bash", "scripts/repro-check.sh")]
    [InlineData("bash", "scripts/systemd-check.sh")]
    [InlineData("sh", "scripts/rauc/panelagent-mark-good.sh")]
    [InlineData("sh", "scripts/mender/ArtifactInstall_Enter_00_panel_idle")]
    [InlineData("sh", "scripts/mender/ArtifactCommit_Enter_00_panel_selftest")]
    [InlineData("sh", "scripts/mender/ArtifactRollback_Leave_00_panel_report")]
    public async Task Script_Parses(string shell, string script)
    {
        var (exitCode, output) = await RunAsync(shell, "-n", Path.Combine(s_repo, script));

        Assert.True(exitCode == 0, output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static string FindRepo()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "publish.sh")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("publish.sh not found above the test folder");
    }
}
