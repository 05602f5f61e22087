using PanelAgent.Transport.Uplink;

namespace PanelAgent.Fleet;

/// <summary>
/// The whole run: one broker and PKI for the largest N, then per N a fleet that ramps up once and is measured against
/// each station count in turn.
/// </summary>
internal static class FleetRunner
{
    /// <summary>The uplink as a panel ships it (docs/outbox.md), except heartbeats, which the fleet does not send.</summary>
    public static EventUplinkOptions PanelUplink() => new() { PanelId = "template", HeartbeatInterval = TimeSpan.Zero };

    public static async Task<IReadOnlyList<FleetResult>> RunAsync(FleetSettings settings, TextWriter progress,
        CancellationToken cancellationToken)
    {
        var data = Directory.CreateDirectory(Path.Combine(settings.DataDirectory, $"panel-fleet-{Environment.ProcessId}")).FullName;
        var results = new List<FleetResult>();
        try
        {
            progress.WriteLine($"fleet: provisioning {settings.Panels.Max()} panels (certificates, keys) and Mosquitto");
            await using var world = await FleetWorld.StartAsync(settings.Panels.Max(), data);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            foreach (var panels in settings.Panels)
            {
                if (clock.Elapsed > settings.Budget)
                {
                    progress.WriteLine($"fleet: {panels} panels skipped: the run has taken {clock.Elapsed:mm\\:ss}, over its budget");
                    continue;
                }

                var diagnostics = new FleetDiagnostics();
                await using var fleet = Fleet.Create(world, panels, PanelUplink(), diagnostics);
                // Generous: on a loaded 2-core machine Mosquitto completed as few as 25 handshakes a second (docs/fleet.md).
                var timeout = TimeSpan.FromSeconds(60 + (panels * 0.06));
                TimeSpan connect;
                try
                {
                    connect = await fleet.RampUpAsync(settings.RampPerSecond, timeout, cancellationToken);
                }
                finally
                {
                    Report(diagnostics, progress);
                    if (Environment.GetEnvironmentVariable("FLEET_BROKER_LOG") is { Length: > 0 } log)
                    {
                        await File.WriteAllTextAsync(log, world.Broker.Log, cancellationToken);
                    }
                }

                progress.WriteLine($"fleet: {panels} panels connected in {connect.TotalSeconds:F1} s ({panels / connect.TotalSeconds:F0}/s)");
                foreach (var stations in settings.Stations)
                {
                    var measurement = new FleetMeasurement(world, fleet, settings with { DataDirectory = data }, progress);
                    results.Add(await measurement.RunAsync(stations, connect.TotalSeconds, cancellationToken));
                }
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        return results;
    }

    private static void Report(FleetDiagnostics diagnostics, TextWriter progress)
    {
        foreach (var line in diagnostics.Summary())
        {
            progress.WriteLine($"fleet: link log: {line}");
        }
    }
}
