namespace PanelAgent.Faults;

/// <summary>One fault of the campaign: injects it <c>cycles</c> times on a fresh <see cref="FaultRig"/>.</summary>
internal interface IFault
{
    /// <summary>The row's name in the table, and what <c>--only</c> matches.</summary>
    string Name { get; }

    /// <summary>How big a filesystem the agent's data directory gets; null: none (the temp directory's own).</summary>
    long? DiskBytes => null;

    Task RunAsync(FaultRig rig, int cycles, Random random, RowMeter meter);
}
