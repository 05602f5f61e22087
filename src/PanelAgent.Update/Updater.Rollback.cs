using Microsoft.Data.Sqlite;
using PanelAgent.Storage;
using PanelAgent.Update.Journal;
using PanelAgent.Update.Verification;

namespace PanelAgent.Update;

public sealed partial class Updater
{
    private async Task<UpdateResult> RollBackAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        await RecordAsync(entry with { Step = UpdateStep.RollingBack }).ConfigureAwait(false);
        _slots.Switch(entry.FromSlot);
        RestoreSnapshotIfNeeded(entry.FromSlot);
        var restartProblem = settings.Restart
            ? await probes.Service.RestartAsync(cancellationToken).ConfigureAwait(false)
            : null;
        _journal.Delete();
        var reason = entry.Reason ?? "unknown";
        UpdateLog.RolledBack(logger, entry.ToVersion, reason, entry.FromSlot);
        var report = $"rolled back from {entry.ToVersion} to {entry.FromVersion} on slot {entry.FromSlot}: {reason}";
        return new UpdateResult(UpdateExitCodes.RolledBack, entry.FromSlot,
            restartProblem is null ? report : $"{report}; restart of the previous release failed too: {restartProblem}");
    }

    /// <summary>
    /// Migrations are additive, so the previous release normally runs on the migrated file and keeps every event. Only
    /// when the file now needs a newer reader does the snapshot the opener took before migrating come back.
    /// </summary>
    private void RestoreSnapshotIfNeeded(string slot)
    {
        var previous = _slots.ReadManifest(slot);
        if (DatabaseSchema.Read(settings.DatabasePath) is not { } schema || schema.MinReaderVersion <= previous.SchemaVersion)
        {
            return;
        }

        var snapshot = StorageSchema.SnapshotPath(settings.DatabasePath, previous.SchemaVersion);
        if (!File.Exists(snapshot))
        {
            return;
        }

        using var source = new SqliteConnection($"Data Source={snapshot};Mode=ReadOnly;Pooling=False");
        using var target = new SqliteConnection($"Data Source={settings.DatabasePath};Pooling=False;Default Timeout=30");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        UpdateLog.SnapshotRestored(logger, snapshot);
    }

    private async Task RecordAsync(JournalEntry entry)
    {
        _journal.Write(entry);
        UpdateLog.Step(logger, entry.Step);
        await CheckpointAsync(StepName(entry.Step)).ConfigureAwait(false);
    }

    private Task CheckpointAsync(string step) => checkpoint?.Invoke(step) ?? Task.CompletedTask;

    /// <summary>"RollingBack" → "rolling-back": the names the test hook and docs use.</summary>
    public static string StepName(UpdateStep step) =>
        string.Concat(step.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
