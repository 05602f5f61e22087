using Xunit.Abstractions;

namespace PanelAgent.Faults.Tests;

/// <summary>
/// The campaign's short version for CI (issue 7 §2): a few cycles of each fault on real panel-agent, Mosquitto and
/// panel-station processes, and nothing lost or printed twice. The full campaign (scripts/faults.sh) runs many more;
/// the clock drift fault (10 s a cycle) is left to it. One rig at a time: two cores.
/// </summary>
[Collection(FaultRigCollection.Name)]
public sealed class FaultCampaignTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Faults { get; } = new()
    {
        { AgentKillFault.Title, 2 },
        { BrokerRestartFault.Title, 1 },
        { LinkCutFault.Title, 1 }, // a cut; the black hole (even cycles) waits for keep-alives, left to the full run
        { StationKillFault.Title, 1 },
        { DiskFullFault.Title, 1 },
        { CorruptDatabaseFault.Title, 1 },
        // Two cycles: +1 h, then -1 h after the panel learnt a -1 h correction (finding 2, fixed: rows in flight were
        // timed on the wall clock and waited an hour for their resend).
        { ClockJumpFault.Title, 2 },
        { EventLoopFault.Title, 1 },
        { ChatterFault.Title, 1 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task RunOneAsync_FewCycles_NothingLostNothingDuplicated(string fault, int cycles)
    {
        var seed = Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var settings = new FaultSettings { Progress = output.WriteLine };

        var row = await FaultCampaign.RunOneAsync(settings, FaultPlan.Faults.Single(f => f.Name == fault), cycles, new Random(seed));

        output.WriteLine($"{row.Generated} generated, {row.AtStation} at station, worst recovery {row.WorstRecoverySeconds} s; {row.Notes}");
        Assert.Null(row.Error);
        Assert.True(row.Generated > 0, "the fault generated no events");
        // Finding 3 (fixed): a station killed between its commit and its line now prints the event on the resend.
        Assert.True(row.Lost == 0, $"{row.Lost} lost ({row.CommittedNotPrinted} committed by the station, not printed): {row.Notes}");
        Assert.True(row.Duplicated == 0, $"{row.Duplicated} duplicated: {row.Notes}");
    }
}
