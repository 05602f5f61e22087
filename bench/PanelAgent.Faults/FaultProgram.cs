namespace PanelAgent.Faults;

/// <summary>
/// The fault campaign's entry (scripts/faults.sh): runs the plan, prints the table on stdout (progress on stderr),
/// exits 0 when every row lost nothing and duplicated nothing, 1 otherwise, 64 on bad usage.
/// </summary>
internal static class FaultProgram
{
    public const int ExitFailed = 1;
    public const int ExitUsage = 64;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var parsed = FaultArguments.Parse(args, out var error);
        if (parsed is null)
        {
            await errors.WriteLineAsync($"panel-faults: {error}\n{FaultArguments.Usage}");
            return ExitUsage;
        }

        var settings = new FaultSettings { Progress = line => errors.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}") };
        settings.Progress($"seed {parsed.Seed} (--seed {parsed.Seed} replays the random moments)");
        var rows = await FaultCampaign.RunAsync(settings, parsed.Quick ? FaultPlan.Quick : FaultPlan.Full, parsed.Only, parsed.Seed);
        FaultTable.Write(output, rows, parsed.Json);
        if (rows.Count == 0)
        {
            await errors.WriteLineAsync("panel-faults: --only matched no fault");
            return ExitUsage;
        }

        return rows.All(r => r.Passed) ? 0 : ExitFailed;
    }
}
