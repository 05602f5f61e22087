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
            foreach (var panels in settings.Panels)
            {
                await using var fleet = Fleet.Create(world, panels, PanelUplink());
                var timeout = TimeSpan.FromSeconds(30 + (panels / settings.RampPerSecond * 3));
                var connect = await fleet.RampUpAsync(settings.RampPerSecond, timeout, cancellationToken);
                progress.WriteLine($"fleet: {panels} panels connected in {connect.TotalSeconds:F1} s");
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
}
