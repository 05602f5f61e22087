namespace PanelAgent.Fleet.Tests;

/// <summary>
/// A small fleet end to end, all real: 20 simulated panels (their own certificates, keys and sequences, the real
/// supervisor and uplink) against one Mosquitto with the shipped ACL and two panel-station processes sharing the
/// events. A few hundred events; figures are not asserted (scripts/fleet.sh measures), delivery is.
/// </summary>
public sealed class FleetTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("pa-fleet-test-").FullName;

    [Fact]
    public async Task Measure_TwentyPanelsTwoStations_EveryEventDeliveredOnceAfterDeduplication()
    {
        const int panels = 20;
        var settings = new FleetSettings([panels], [2], BurstEvents: 200, PacedDuration: TimeSpan.FromSeconds(2),
            RampPerSecond: 50, DeliveryTimeout: TimeSpan.FromMinutes(2), DataDirectory: _data, MaxPacedRate: 100);
        await using var world = await FleetWorld.StartAsync(panels, _data);
        await using var fleet = Fleet.Create(world, panels, FleetRunner.PanelUplink(), new FleetDiagnostics());
        await fleet.RampUpAsync(settings.RampPerSecond, TimeSpan.FromMinutes(2), CancellationToken.None);

        var result = await new FleetMeasurement(world, fleet, settings, TextWriter.Null)
            .RunAsync(stationCount: 2, connectSeconds: 0, CancellationToken.None);

        Assert.InRange(result.Events, 200 + panels, 1000);
        Assert.Equal(0, result.Lost);
        // Each instance de-duplicates against its own database: it never prints one event twice.
        Assert.Equal(0, result.RepeatedByStation);
        // The shared subscription split the events: both instances printed some, together at least one line each.
        Assert.Equal(2, result.LinesPerStation.Count(station => station.Value > 0));
        Assert.Equal(result.Events + result.Duplicates, result.LinesPerStation.Values.Sum());
        Assert.Equal(0, fleet.Pending);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_data, recursive: true);
        return Task.CompletedTask;
    }
}
