using System.Diagnostics;
using PanelAgent.Bench;

namespace PanelAgent.Fleet;

/// <summary>
/// One row: S panel-station processes join the group, then three phases on the connected fleet — a warm-up, a burst
/// (every event queued at once, like a backlog after an outage: the end-to-end throughput) and a paced phase at half
/// that throughput (the latency). Every event must reach a station line; the stations are stopped only after every
/// panel's outbox is empty, so no acknowledgement is owed when they go.
/// </summary>
internal sealed class FleetMeasurement(FleetWorld world, Fleet fleet, FleetSettings settings, TextWriter progress)
{
    private readonly StationOutput _output = new();
    private readonly List<(string Panel, long Seq)> _raised = [];
    private readonly Dictionary<(string Panel, long Seq), long> _raisedAt = [];
    private readonly Random _random = new(11);

    public async Task<FleetResult> RunAsync(int stationCount, double connectSeconds, CancellationToken cancellationToken)
    {
        var panels = fleet.Panels.Count;
        var resentBefore = fleet.Resent;
        var reconnectsBefore = fleet.Reconnects;
        var stations = new List<StationProcess>();
        try
        {
            for (var k = 1; k <= stationCount; k++)
            {
                stations.Add(await StartStationAsync($"station-n{panels}-s{stationCount}-{k}", cancellationToken));
            }

            progress.WriteLine($"fleet: {panels} panels, {stationCount} station(s): warm-up");
            await RunPhaseAsync(RaiseSpread(settings.WarmUpEvents(panels)), cancellationToken);
            var (rate, burst) = await BurstAsync(panels, cancellationToken);
            var pacedRate = Math.Clamp(rate / 2, FleetSettings.MinPacedRate, settings.MaxPacedRate);
            progress.WriteLine($"fleet: burst {burst} events at {rate:F0}/s; paced at {pacedRate:F0}/s");
            var paced = await PacedAsync(pacedRate, cancellationToken);
            var latencies = Latencies(paced);
            return new FleetResult(panels, stationCount, connectSeconds, _raised.Count, rate, pacedRate,
                Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), Lost(), Duplicates(), _output.RepeatedByStation,
                fleet.Resent - resentBefore, BrokerDropped(stations), fleet.Reconnects - reconnectsBefore, ProcStatus.RssKb(),
                stations.Max(s => s.RssKb()), ProcStatus.OpenFiles(), new Dictionary<string, long>(_output.PerStation));
        }
        finally
        {
            foreach (var station in stations)
            {
                await station.DisposeAsync();
            }
        }
    }

    /// <summary>Starts one station and returns once the broker has seen it connect and it had a moment to subscribe.</summary>
    private async Task<StationProcess> StartStationAsync(string clientId, CancellationToken cancellationToken)
    {
        var database = Path.Combine(settings.DataDirectory, $"{clientId}.db");
        var station = StationProcess.Start(world.WriteStationConfig(clientId, database), clientId, _output);
        // Mosquitto logs "New client connected from … as <client id> (p5, …)"; the SUBSCRIBE follows at once.
        var connected = world.Broker.WhenLoggedAsync($" as {clientId} (");
        if (await Task.WhenAny(connected, Task.Delay(TimeSpan.FromSeconds(60), cancellationToken)) != connected)
        {
            throw new FleetException($"{clientId} did not connect within 60 s: {station.Errors}");
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        return station.HasExited ? throw new FleetException($"{clientId} exited: {station.Errors}") : station;
    }

    /// <summary>Every event queued at once, spread evenly over the panels; events/s from the first raise to the last line read.</summary>
    private async Task<(double Rate, int Count)> BurstAsync(int panels, CancellationToken cancellationToken)
    {
        var perPanel = Math.Max(1, (int)Math.Ceiling(settings.BurstEvents / (double)panels));
        var start = Stopwatch.GetTimestamp();
        var keys = new List<(string, long)>(perPanel * panels);
        foreach (var panel in fleet.Panels)
        {
            for (var i = 0; i < perPanel; i++)
            {
                keys.Add(Raise(panel));
            }
        }

        await RunPhaseAsync(keys, cancellationToken);
        var last = keys.Select(k => _output.TryGet(k.Item1, k.Item2, out var d) ? d.FirstRead : start).Max();
        return (keys.Count / Math.Max(0.001, Stopwatch.GetElapsedTime(start, last).TotalSeconds), keys.Count);
    }

    /// <summary>Events at <paramref name="rate"/> per second on random panels for the paced duration (a 10 ms tick).</summary>
    private async Task<List<(string Panel, long Seq)>> PacedAsync(double rate, CancellationToken cancellationToken)
    {
        var keys = new List<(string, long)>();
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (clock.Elapsed < settings.PacedDuration && await tick.WaitForNextTickAsync(cancellationToken))
        {
            var due = (int)(clock.Elapsed.TotalSeconds * rate) - keys.Count;
            for (var i = 0; i < due; i++)
            {
                keys.Add(Raise(fleet.Panels[_random.Next(fleet.Panels.Count)]));
            }
        }

        await RunPhaseAsync(keys, cancellationToken);
        return keys;
    }

    /// <summary><paramref name="count"/> events, one each on distinct random panels, raised at once.</summary>
    private List<(string Panel, long Seq)> RaiseSpread(int count)
    {
        return [.. fleet.Panels.OrderBy(_ => _random.Next()).Take(count).Select(Raise)];
    }

    /// <summary>One event on <paramref name="panel"/>, remembered with the moment it was raised.</summary>
    private (string Panel, long Seq) Raise(SimulatedPanel panel)
    {
        var raised = Stopwatch.GetTimestamp();
        var key = (panel.Id, panel.Raise(DateTimeOffset.UtcNow));
        _raised.Add(key);
        _raisedAt[key] = raised;
        return key;
    }

    /// <summary>Waits until every key has a station line and every outbox is empty, or the delivery timeout.</summary>
    private async Task RunPhaseAsync(List<(string Panel, long Seq)> keys, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var missing = keys;
        while (clock.Elapsed < settings.DeliveryTimeout)
        {
            missing = [.. missing.Where(k => !_output.TryGet(k.Panel, k.Seq, out _))];
            if (missing.Count == 0 && fleet.Pending == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        progress.WriteLine($"fleet: {missing.Count} events without a station line, {fleet.Pending} unacknowledged after {settings.DeliveryTimeout}");
    }

    /// <summary>Raised → first station line, in ms, for the delivered ones of <paramref name="keys"/>.</summary>
    private List<double> Latencies(List<(string Panel, long Seq)> keys)
    {
        var latencies = new List<double>(keys.Count);
        foreach (var key in keys)
        {
            if (_output.TryGet(key.Panel, key.Seq, out var delivery))
            {
                latencies.Add(delivery.LatencyMs(_raisedAt[key]));
            }
        }

        return latencies;
    }

    /// <summary>
    /// Stations whose queue at the broker overflowed: Mosquitto drops QoS 1 messages beyond max_queued_messages for a
    /// session, after having acknowledged them to the panel, and says so once per episode.
    /// </summary>
    private int BrokerDropped(List<StationProcess> stations)
    {
        var log = world.Broker.Log;
        return stations.Count(s => log.Contains($"Outgoing messages are being dropped for client {s.ClientId}.", StringComparison.Ordinal));
    }

    private long Lost() => _raised.Count(k => !_output.TryGet(k.Panel, k.Seq, out _));

    private long Duplicates() => _raised.Sum(k => _output.TryGet(k.Panel, k.Seq, out var d) ? d.Count - 1L : 0L);
}
