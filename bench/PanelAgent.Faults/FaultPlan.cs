namespace PanelAgent.Faults;

/// <summary>
/// How many cycles each fault gets. Full: the campaign (50 agent kills, the minimum; the others as many as fit
/// the 30 minutes on this shared 2-core machine); quick: a smoke run.
/// </summary>
internal sealed record FaultPlan(IReadOnlyDictionary<string, int> Cycles)
{
    public static FaultPlan Full { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [AgentKillFault.Title] = 50,
        [BrokerRestartFault.Title] = 8,
        [LinkCutFault.Title] = 10,
        [DiskFullFault.Title] = 5,
        [CorruptDatabaseFault.Title] = 5,
        [ClockJumpFault.Title] = 4,
        [ClockDriftFault.Title] = 2,
        [EventLoopFault.Title] = 4,
        [ChatterFault.Title] = 4,
        [StationKillFault.Title] = 6,
    });

    public static FaultPlan Quick { get; } = new(Full.Cycles.ToDictionary(c => c.Key, c => c.Key == AgentKillFault.Title ? 5 : 2, StringComparer.Ordinal));

    public static IReadOnlyList<IFault> Faults { get; } =
    [
        new AgentKillFault(), new BrokerRestartFault(), new LinkCutFault(), new StationKillFault(), new DiskFullFault(),
        new CorruptDatabaseFault(), new ClockJumpFault(), new ClockDriftFault(), new EventLoopFault(), new ChatterFault(),
    ];
}
