namespace PanelAgent.Faults;

/// <summary>How many cycles each fault gets. Full: the campaign (at least 50 agent kills); quick: a smoke run.</summary>
internal sealed record FaultPlan(IReadOnlyDictionary<string, int> Cycles)
{
    public static FaultPlan Full { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [AgentKillFault.Title] = 50,
        [BrokerRestartFault.Title] = 10,
        [LinkCutFault.Title] = 16,
        [DiskFullFault.Title] = 8,
        [CorruptDatabaseFault.Title] = 6,
        [ClockJumpFault.Title] = 8,
        [ClockDriftFault.Title] = 4,
        [EventLoopFault.Title] = 5,
        [ChatterFault.Title] = 5,
        [StationKillFault.Title] = 10,
    });

    public static FaultPlan Quick { get; } = new(Full.Cycles.ToDictionary(c => c.Key, c => c.Key == AgentKillFault.Title ? 5 : 2, StringComparer.Ordinal));

    public static IReadOnlyList<IFault> Faults { get; } =
    [
        new AgentKillFault(), new BrokerRestartFault(), new LinkCutFault(), new StationKillFault(), new DiskFullFault(),
        new CorruptDatabaseFault(), new ClockJumpFault(), new ClockDriftFault(), new EventLoopFault(), new ChatterFault(),
    ];
}
