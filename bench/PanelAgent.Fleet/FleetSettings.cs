namespace PanelAgent.Fleet;

/// <summary>What one fleet run measures; <see cref="FleetArguments"/> makes it from the command line.</summary>
/// <param name="Panels">Fleet sizes N, each measured with every station count.</param>
/// <param name="Stations">panel-station instances in the shared-subscription group (1-3).</param>
/// <param name="BurstEvents">Events queued at once across the fleet (a backlog after an outage): the throughput phase.</param>
/// <param name="PacedDuration">How long the latency phase offers events at half the measured throughput.</param>
/// <param name="RampPerSecond">Panels started per second when the fleet connects.</param>
/// <param name="DeliveryTimeout">How long a phase may take to be delivered before what is missing counts as lost.</param>
/// <param name="DataDirectory">Where the stations' SQLite files go (disk-backed: their fsyncs are part of the figure).</param>
/// <param name="Budget">No new fleet size is started once the run has taken this long (the script's time cap).</param>
/// <param name="MaxPacedRate">The latency phase offers at most this many events/s (tests keep it small).</param>
internal sealed record FleetSettings(
    IReadOnlyList<int> Panels,
    IReadOnlyList<int> Stations,
    int BurstEvents,
    TimeSpan PacedDuration,
    double RampPerSecond,
    TimeSpan DeliveryTimeout,
    string DataDirectory,
    TimeSpan? Budget = null,
    double MaxPacedRate = 5000)
{
    /// <summary>The latency phase offers at least this many events/s, however slow the burst was.</summary>
    public const double MinPacedRate = 20;

    /// <summary>Events of the warm-up (JIT, connections, the stations' first inserts), counted for loss only.</summary>
    public int WarmUpEvents(int panels) => Math.Min(panels, 300);
}
