using System.Diagnostics;

namespace PanelAgent.Faults;

/// <summary>Runs each selected fault on a rig of its own and turns what the ledger counted into a table row.</summary>
internal static class FaultCampaign
{
    public static async Task<List<FaultRow>> RunAsync(FaultSettings settings, FaultPlan plan, IReadOnlyCollection<string>? only, int seed)
    {
        var rows = new List<FaultRow>();
        var random = new Random(seed);
        foreach (var fault in FaultPlan.Faults.Where(f => plan.Cycles.ContainsKey(f.Name)))
        {
            if (only is { Count: > 0 } && !only.Any(o => fault.Name.Contains(o, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            settings.Progress($"{fault.Name}: {plan.Cycles[fault.Name]} cycles");
            var clock = Stopwatch.StartNew();
            var row = await RunOneAsync(settings, fault, plan.Cycles[fault.Name], new Random(random.Next()));
            settings.Progress($"{fault.Name}: done in {clock.Elapsed.TotalSeconds:F0} s: lost {row.Lost}, duplicated {row.Duplicated}" +
                (row.Error is null ? "" : $", error: {row.Error}"));
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<FaultRow> RunOneAsync(FaultSettings settings, IFault fault, int cycles, Random random)
    {
        var meter = new RowMeter();
        string? error = null;
        await using var rig = await FaultRig.StartAsync(settings, fault.DiskBytes);
        try
        {
            await fault.RunAsync(rig, cycles, random, meter);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = $"{e.GetType().Name}: {FirstLine(e.Message)}";
            settings.Progress($"{fault.Name}: {e}");
        }

        try
        {
            // Whatever happened, the panel gets its chance to send everything before it is counted.
            await rig.SettleAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error ??= $"settling: {e.GetType().Name}: {FirstLine(e.Message)}";
            settings.Progress($"{fault.Name}: settling: {e}");
        }

        var counts = rig.Ledger.Count();
        var notes = new List<string> { meter.Notes };
        var unprinted = 0L;
        if (counts.LostEvents.Count > 0)
        {
            notes.Add($"first lost: {string.Join(", ", counts.LostEvents.Take(5).Select(Describe))}");
            // Why: in the station's database but never printed (the station died between its commit and its line)?
            unprinted = StationDatabase.Holding(rig.StationDatabase, counts.LostEvents);
            notes.Add($"{unprinted} of the lost are in the station's database but were never printed");
        }

        if (counts.FirstDuplicated.Count > 0)
        {
            notes.Add($"first duplicated: {string.Join(", ", counts.FirstDuplicated.Select(Describe))}");
        }

        if (counts.Stray > 0)
        {
            notes.Add($"{counts.Stray} printed events from no database read (a quarantined file's)");
        }

        return new FaultRow(fault.Name, cycles, counts.Generated, counts.AtStation, counts.Lost, counts.Duplicated,
            Math.Round(meter.WorstRecovery.TotalSeconds, 2), error, string.Join("; ", notes.Where(n => n.Length > 0)))
        {
            CommittedNotPrinted = unprinted,
        };
    }

    private static string Describe(EventKey key) =>
        $"seq {key.Seq} {key.Kind} at {DateTimeOffset.FromUnixTimeMilliseconds(key.AtMs):HH:mm:ss.fff}";

    private static string FirstLine(string text) => text.Split('\n')[0];
}
