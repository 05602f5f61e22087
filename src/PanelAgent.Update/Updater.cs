using Microsoft.Extensions.Logging;
using PanelAgent.Update.Journal;
using PanelAgent.Update.Signing;
using PanelAgent.Update.Slots;
using PanelAgent.Update.Verification;

namespace PanelAgent.Update;

/// <summary>
/// Installs a bundle into the other slot, switches, restarts and keeps the new release only when it confirms;
/// otherwise the previous slot is restored. Every step is journaled (synced) before the next begins, and
/// <see cref="RecoverAsync"/> settles a journal left by a killed updater. Because only the inactive slot is written
/// and <c>current</c> changes by an atomic rename, a kill at any instant leaves a bootable old or new release.
/// </summary>
public sealed partial class Updater(
    UpdateSettings settings, ReleaseProbes probes, ILogger logger, Func<string, Task>? checkpoint = null)
{
    /// <summary>Where a .tar.gz bundle is unpacked (beside the slots: same file system, no /tmp needed).</summary>
    public const string IncomingDirectory = "incoming";

    private readonly SlotStore _slots = new(settings.Root);
    private readonly JournalFile _journal = new(settings.Root);

    public async Task<UpdateResult> ApplyAsync(string bundleDirectory, CancellationToken cancellationToken)
    {
        await RecoverAsync(cancellationToken).ConfigureAwait(false);
        Plan plan;
        try
        {
            plan = Prepare(bundleDirectory);
        }
        catch (UpdateRefusedException ex)
        {
            UpdateLog.Refused(logger, ex.Refusal, ex.Message);
            return new UpdateResult(UpdateExitCodes.For(ex.Refusal), _slots.CurrentSlot(), $"refused: {ex.Message}");
        }

        try
        {
            return await InstallAsync(plan, cancellationToken).ConfigureAwait(false);
        }
        catch (UpdateRefusedException ex)
        {
            _journal.Delete();
            UpdateLog.Refused(logger, ex.Refusal, ex.Message);
            return new UpdateResult(UpdateExitCodes.For(ex.Refusal), _slots.CurrentSlot(), $"refused: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var settled = await RecoverAsync(cancellationToken).ConfigureAwait(false);
            return new UpdateResult(UpdateExitCodes.Install, settled.Slot, $"install failed: {ex.Message}; {settled.Report}");
        }
    }

    /// <summary>Settles an interrupted update: before the switch the old slot simply stays; after it, an unconfirmed
    /// new release is rolled back (the pipeline retries); a confirmed one is kept.</summary>
    public async Task<UpdateResult> RecoverAsync(CancellationToken cancellationToken)
    {
        var entry = _journal.Read();
        var current = _slots.CurrentSlot();
        if (entry is null)
        {
            return new UpdateResult(UpdateExitCodes.Ok, current, "no interrupted update");
        }

        if (entry.Step == UpdateStep.Confirmed)
        {
            UpdateLog.Recovering(logger, entry.Step, "the new release was confirmed; keeping it");
            _journal.Delete();
            return new UpdateResult(UpdateExitCodes.Ok, current, $"kept {entry.ToVersion} on slot {current}");
        }

        if (current == entry.FromSlot && entry.Step != UpdateStep.RollingBack)
        {
            UpdateLog.Recovering(logger, entry.Step, "the switch had not happened; the previous slot runs");
            _journal.Delete();
            return new UpdateResult(UpdateExitCodes.Ok, current, $"interrupted before the switch; {entry.FromVersion} on slot {current} runs");
        }

        UpdateLog.Recovering(logger, entry.Step, "rolling back to the previous slot");
        return await RollBackAsync(entry with { Reason = $"interrupted at step {entry.Step}" }, cancellationToken)
            .ConfigureAwait(false);
    }

    private Plan Prepare(string bundleDirectory)
    {
        var from = _slots.CurrentSlot() ?? throw new UpdateRefusedException(UpdateRefusal.Install,
            $"slots: '{Path.Combine(_slots.Root, SlotStore.CurrentLink)}' does not point at slot a or b");
        var installed = _slots.ReadManifest(from);
        var keys = TrustedKeys.Load(settings.KeysDirectory);
        if (BundleArchive.IsArchive(bundleDirectory))
        {
            bundleDirectory = BundleArchive.Unpack(bundleDirectory, Path.Combine(_slots.Root, IncomingDirectory));
        }

        var bundle = BundleReader.ReadVerified(bundleDirectory, keys);
        UpdatePolicy.Check(bundle.Manifest, installed, DatabaseSchema.Read(settings.DatabasePath));
        ThrowIfBusy();
        return new Plan(bundle, keys, from, SlotStore.Other(from), installed.Version);
    }

    private void ThrowIfBusy()
    {
        if (probes.Activity.Read().BusyReason is { } busy)
        {
            throw new UpdateRefusedException(UpdateRefusal.PanelBusy, $"panel busy: {busy}; retry later");
        }
    }

    private async Task<UpdateResult> InstallAsync(Plan plan, CancellationToken cancellationToken)
    {
        var version = plan.Bundle.Manifest.Version;
        UpdateLog.Verified(logger, plan.FromVersion, version, plan.Bundle.SignedBy, plan.To);
        var entry = new JournalEntry
        {
            Step = UpdateStep.Staging, FromSlot = plan.From, ToSlot = plan.To,
            FromVersion = plan.FromVersion, ToVersion = version, StartedUtc = DateTimeOffset.UtcNow,
        };
        await RecordAsync(entry).ConfigureAwait(false);
        await _slots.StageAsync(plan.Bundle, plan.To, () => CheckpointAsync("staging-copy")).ConfigureAwait(false);
        BundleReader.ReadVerified(_slots.SlotPath(plan.To), plan.Keys); // the copy, verified where it will run
        await RecordAsync(entry with { Step = UpdateStep.Staged }).ConfigureAwait(false);
        ThrowIfBusy(); // staging took time: the moment must still be safe when the agent goes down

        _slots.Switch(plan.To);
        await RecordAsync(entry with { Step = UpdateStep.Switched }).ConfigureAwait(false);
        if (await probes.Service.RestartAsync(cancellationToken).ConfigureAwait(false) is { } restartFailed)
        {
            return await RollBackAsync(entry with { Reason = $"restart failed: {restartFailed}" }, cancellationToken).ConfigureAwait(false);
        }

        await RecordAsync(entry with { Step = UpdateStep.Restarted }).ConfigureAwait(false);
        if (await ConfirmAsync(version, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            return await RollBackAsync(entry with { Reason = failure }, cancellationToken).ConfigureAwait(false);
        }

        await RecordAsync(entry with { Step = UpdateStep.Confirmed }).ConfigureAwait(false);
        _journal.Delete();
        UpdateLog.Confirmed(logger, version, plan.To);
        return new UpdateResult(UpdateExitCodes.Ok, plan.To, $"installed {version} on slot {plan.To} (was {plan.FromVersion})");
    }

    /// <summary>Null when the new release is healthy, else why not.</summary>
    private async Task<string?> ConfirmAsync(string version, CancellationToken cancellationToken)
    {
        if (!await probes.Service.WaitReadyAsync(settings.ReadyDeadline, cancellationToken).ConfigureAwait(false))
        {
            return $"not READY within {settings.ReadyDeadline}";
        }

        if (await probes.Health.RunAsync(cancellationToken).ConfigureAwait(false) is { } unhealthy)
        {
            return $"health check failed: {unhealthy}";
        }

        if (probes.StationAck is { } ack && !await ack.WaitAsync(version, settings.AckDeadline, cancellationToken).ConfigureAwait(false))
        {
            return $"the station did not acknowledge an event within {settings.AckDeadline}";
        }

        return null;
    }

    private sealed record Plan(VerifiedBundle Bundle, IReadOnlyList<TrustedKey> Keys, string From, string To, string FromVersion);
}
