using System.Diagnostics;
using System.Security.Cryptography;

namespace PanelAgent.Faults;

/// <summary>
/// The panel's database damaged between runs (the agent stopped cleanly, then: random bytes over the schema page,
/// the file truncated, or random pages overwritten). The agent must quarantine it, start with a fresh log, and keep
/// the alarm path and the link working: 100 mains changes after each restart must reach the station. Recovery: from
/// the restart on the damaged file to the station having those events.
/// </summary>
internal sealed class CorruptDatabaseFault : IFault
{
    public const string Title = "database corrupted between runs";
    private const int Changes = 100;

    public string Name => Title;

    public async Task RunAsync(FaultRig rig, int cycles, Random random, RowMeter meter)
    {
        var quarantined = 0;
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var started = Stopwatch.GetTimestamp();
            await rig.StartAgentAsync();
            // The quarantined files, not their -wal/-shm companions.
            var moved = Directory.GetFiles(rig.DataDirectory, "panel.db.corrupt-*")
                .Count(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
            if (cycle > 1 && moved < cycle - 1)
            {
                meter.Note($"cycle {cycle}: the damaged file was not quarantined");
            }

            quarantined = moved;
            var mains = rig.ZoneEvents("mains");
            await rig.Sim.SendAsync($"pulse mains {Changes} 5");
            if (!await rig.UntilAsync(() => rig.ZoneEvents("mains") >= mains + Changes))
            {
                rig.Ledger.AddMissingInPanel(mains + Changes - rig.ZoneEvents("mains"));
            }

            meter.Recovered(await rig.CaughtUpAsync(rig.MaxSeq(), started, $"{Name}, cycle {cycle}"));
            await rig.StopAgentAsync();
            rig.Checkpoint();
            Corrupt(rig.Database, cycle, random);
            rig.Settings.Progress($"  corrupt {cycle}/{cycles}: {quarantined} quarantined so far");
        }

        meter.Note($"{quarantined} files quarantined before the last restart");
    }

    /// <summary>Three kinds of damage in turn; the WAL was checkpointed by the clean stop, so the main file is all.</summary>
    private static void Corrupt(string path, int cycle, Random random)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var pageSize = 4096;
        switch (cycle % 3)
        {
            case 1: // the schema page after the 100-byte file header
                file.Position = 100;
                file.Write(RandomNumberGenerator.GetBytes(pageSize - 100));
                break;
            case 2: // a torn file: cut in the middle of a page
                file.SetLength((file.Length / 2) + 123);
                break;
            default: // random pages after the first
                var pages = (int)(file.Length / pageSize);
                for (var i = 0; i < Math.Max(1, pages / 3); i++)
                {
                    file.Position = (long)random.Next(1, Math.Max(2, pages)) * pageSize;
                    file.Write(RandomNumberGenerator.GetBytes(pageSize));
                }

                break;
        }
    }
}
