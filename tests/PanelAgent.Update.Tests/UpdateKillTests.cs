using PanelAgent.Update.Journal;
using PanelAgent.Update.Signing;
using PanelAgent.Update.Tests.Support;
using PanelAgent.Update.Verification;

namespace PanelAgent.Update.Tests;

/// <summary>
/// SIGKILL a real updater process at every step: what is left must boot (the slot <c>current</c> names verifies and
/// its panel-agent runs) — the old release or the new, never neither — and <c>update recover</c> must settle it.
/// </summary>
public sealed class UpdateKillTests : IDisposable
{
    private readonly UpdateRig _rig = new();

    [Theory]
    [InlineData("staging", true, "1.0.1")]
    [InlineData("staging-copy", true, "1.0.1")]
    [InlineData("staged", true, "1.0.1")]
    [InlineData("switched", true, "1.0.1")]
    [InlineData("restarted", true, "1.0.1")]
    [InlineData("confirmed", true, "1.0.2")]
    [InlineData("rolling-back", false, "1.0.1")]
    public async Task Apply_KilledAtStep_LeavesARunnableSlotAndRecoverSettlesIt(string step, bool healthy, string settledVersion)
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        using (var updater = UpdaterProcess.Start(["apply", bundle, .. UpdaterProcess.Options(_rig, healthy)], pauseAt: step))
        {
            await UpdaterProcess.WaitForPauseAsync(updater, Path.Combine(_rig.Root, $"paused-at-{step}"));
            updater.Kill(); // SIGKILL
            await updater.WaitForExitAsync();
        }

        AssertRunnable(await UpdaterProcess.RunCurrentAsync(_rig.Root));
        Assert.NotNull(new JournalFile(_rig.Root).Read());

        var (exitCode, output) = await UpdaterProcess.RunAsync(["recover", .. UpdaterProcess.Options(_rig, healthy)]);

        Assert.True(exitCode is UpdateExitCodes.Ok or UpdateExitCodes.RolledBack, output);
        Assert.Null(new JournalFile(_rig.Root).Read());
        Assert.Equal($"panel-agent {settledVersion}", await UpdaterProcess.RunCurrentAsync(_rig.Root));
    }

    [Fact]
    public async Task Apply_RealProcessGoodBundle_InstallsAndExitsZero()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));

        var (exitCode, output) = await UpdaterProcess.RunAsync(["apply", bundle, .. UpdaterProcess.Options(_rig, healthy: true)]);

        Assert.True(exitCode == UpdateExitCodes.Ok, output);
        Assert.Equal("panel-agent 1.0.2", await UpdaterProcess.RunCurrentAsync(_rig.Root));
    }

    [Fact]
    public async Task Apply_RealProcessFailingHealthCommand_ExitsRolledBack()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));

        var (exitCode, output) = await UpdaterProcess.RunAsync(["apply", bundle, .. UpdaterProcess.Options(_rig, healthy: false)]);

        Assert.True(exitCode == UpdateExitCodes.RolledBack, output);
        Assert.Contains("health check failed", output, StringComparison.Ordinal);
        Assert.Equal("panel-agent 1.0.1", await UpdaterProcess.RunCurrentAsync(_rig.Root));
    }

    private void AssertRunnable(string versionLine)
    {
        Assert.Matches("^panel-agent 1\\.0\\.[12]$", versionLine);
        var slot = _rig.Slots.CurrentSlot();
        Assert.NotNull(slot);
        BundleReader.ReadVerified(_rig.Slots.SlotPath(slot), TrustedKeys.Load(_rig.KeysDirectory)); // whole, every hash
    }

    public void Dispose() => _rig.Dispose();
}
