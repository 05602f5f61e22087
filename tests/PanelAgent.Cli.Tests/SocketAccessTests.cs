using PanelAgent.Cli.Tests.Support;
using PanelAgent.Core.Privacy;

namespace PanelAgent.Cli.Tests;

/// <summary>
/// The technician socket decides by the peer's kernel credentials: a real second user, running the real panelctl, is
/// refused until it is in the technician group, then allowed; both sessions are in the access log.
/// </summary>
public sealed class SocketAccessTests
{
    [RootFact]
    public async Task Connect_SecondUserWithoutThenWithGroup_RefusedThenAllowed()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (user, group) = ("pctu" + suffix, "pctg" + suffix);
        await ProcessRunner.ToolAsync("groupadd", group);
        try
        {
            await ProcessRunner.ToolAsync("useradd", "--no-create-home", "--shell", "/bin/sh", user);
            try
            {
                await RefusedThenAllowedAsync(user, group);
            }
            finally
            {
                await ProcessRunner.ToolAsync("userdel", user);
            }
        }
        finally
        {
            await ProcessRunner.ToolAsync("groupdel", group);
        }
    }

    private static async Task RefusedThenAllowedAsync(string user, string group)
    {
        await using var harness = DiagnosticsHarness.Start(techGroup: group);
        // CreateTempSubdirectory makes 0700 folders: the second user must be able to reach the socket inside.
        File.SetUnixFileMode(harness.Directory, (UnixFileMode)0b111_101_101);

        var refused = await PanelCtlAsAsync(user, harness.SocketPath, "status");
        await ProcessRunner.ToolAsync("usermod", "--append", "--groups", group, user);
        var allowed = await PanelCtlAsAsync(user, harness.SocketPath, "status");

        Assert.Equal(CliExitCodes.Denied, refused.ExitCode);
        Assert.Contains($"access refused: uid", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains($"group '{group}'", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal("", refused.Stdout);
        Assert.True(allowed.ExitCode == 0, allowed.Stderr);
        Assert.Contains("state:", allowed.Stdout, StringComparison.Ordinal);
        var actions = harness.Privacy.Store!.ReadAccessLog().Select(e => e.Entry.Action).ToList();
        Assert.Equal([AccessActions.SessionRefused, AccessActions.SessionOpened, AccessActions.SessionCommand], actions);
        Assert.True(harness.Privacy.Store.VerifyAccessLog().Intact);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> PanelCtlAsAsync(string user, string socket, string command) =>
        await ProcessRunner.RunAsync("runuser", ["-u", user, "--", ProcessRunner.Dotnet, ProcessRunner.PanelCtlDll, "--socket", socket, command],
            TimeSpan.FromSeconds(60));
}
