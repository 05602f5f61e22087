namespace PanelAgent.Fleet;

/// <summary>One row of the fleet table: N panels against S stations.</summary>
/// <param name="Panels">N, the simulated panels connected.</param>
/// <param name="Stations">S, the panel-station processes in the group.</param>
/// <param name="ConnectSeconds">From the first panel's start to the last panel's first connect (the ramp included).</param>
/// <param name="Events">Every event raised in this row (warm-up, burst, paced).</param>
/// <param name="EventsPerSecond">Burst phase: events delivered end to end (station line) per second.</param>
/// <param name="PacedRate">Events/s offered in the latency phase (half of <paramref name="EventsPerSecond"/>).</param>
/// <param name="P50Ms">Latency phase: event raised at the panel → station JSON line, median.</param>
/// <param name="P99Ms">Latency phase: the same, 99th percentile.</param>
/// <param name="Lost">Events raised that no station printed.</param>
/// <param name="Duplicates">Station lines beyond the first per (panel, seq): what de-duplication across instances removes.</param>
/// <param name="RepeatedByStation">Lines one station printed twice for one (panel, seq): its own de-dup failing (must be 0).</param>
/// <param name="Resent">Events the panels' uplinks resealed and resent (ack timeout or reconnect).</param>
/// <param name="BrokerDropped">Stations for which Mosquitto logged "Outgoing messages are being dropped" (queue full).</param>
/// <param name="Reconnects">Panel links that dropped and came back during the row.</param>
/// <param name="FleetRssKb">Resident memory of the fleet process (all N panels) at the end of the row.</param>
/// <param name="StationRssKb">Resident memory of the largest station process.</param>
/// <param name="OpenFiles">File descriptors of the fleet process (one TLS socket per panel).</param>
/// <param name="LinesPerStation">Event lines each station printed: how the shared subscription split the load.</param>
internal sealed record FleetResult(
    int Panels,
    int Stations,
    double ConnectSeconds,
    long Events,
    double EventsPerSecond,
    double PacedRate,
    double P50Ms,
    double P99Ms,
    long Lost,
    long Duplicates,
    long RepeatedByStation,
    long Resent,
    int BrokerDropped,
    int Reconnects,
    long FleetRssKb,
    long StationRssKb,
    int OpenFiles,
    IReadOnlyDictionary<string, long> LinesPerStation);
