using System.Globalization;
using PanelAgent.Station.Mqtt;

namespace PanelAgent.Bench;

/// <summary>
/// The "link" area (issue 3): detector edge → station JSON line latency (debounce zero) beside a bare MQTTnet QoS 1
/// publish → receive on the same Mosquitto; the drain rate of a backlog queued during an outage beside the bare
/// publish rate; RSS of a panel-agent and a panel-station process with the link up.
/// </summary>
internal sealed class LinkBench(BenchArguments args, Report report, TextWriter progress)
{
    private const string Zone = "mains";

    /// <summary>A sealed event envelope: 35 + "panel-a" header bytes, one 256-byte block, the 16-byte tag.</summary>
    private const int EnvelopeSize = 35 + 7 + 256 + 16;

    public void Run() => RunAsync().GetAwaiter().GetResult();

    private async Task RunAsync()
    {
        var quick = args.Quick;
        var scratch = Directory.CreateDirectory(Path.Combine(Path.GetFullPath(args.DataRoot), $"panel-bench-link-{Environment.ProcessId}")).FullName;
        try
        {
            await using var world = await LinkWorld.StartAsync(Path.GetFullPath(args.ConfigPath), scratch);
            report.Note(string.Create(CultureInfo.InvariantCulture,
                $"databases in {scratch} ({FileSystems.TypeOf(scratch)}); Mosquitto {world.Broker.Port} on 127.0.0.1, mutual TLS, " +
                $"shipped ACL; {Environment.ProcessorCount} CPUs, load average {FileSystems.LoadAverage()}"));
            await InProcessAsync(world, scratch, quick);
            await ProcessesAsync(world, scratch);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }

    private async Task InProcessAsync(LinkWorld world, string scratch, bool quick)
    {
        using var lines = new StationLines(Zone);
        await using var station = PanelStation.Create(world.StationOptions("station-bench", Path.Combine(scratch, "station.db")), lines, TextWriter.Null);
        station.Start();
        await station.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        var config = BenchConfig.Load(world.PanelConfigPath, Directory.CreateDirectory(Path.Combine(scratch, "panel")).FullName, Zone);
        await using var panel = new LinkPanel(config, Zone);
        await panel.StartLinkAsync();
        await LinkWorld.UntilAsync(() => panel.PendingCount == 0, "start-up events acknowledged");
        await using var bare = await BareMqtt.ConnectAsync(world.Pki, world.Broker.Port, EnvelopeSize);

        progress.WriteLine("link: latency (edge → station line, beside bare publish → receive)");
        using var floor = new DurableFloor(scratch, bare);
        var (path, baseline, durable) = await LatencyAsync(panel, lines, bare, floor, quick ? 3 : 7, quick ? 60 : 300);
        AddLatency(path, baseline, durable);
        var bareRoundTrip = Stats.Median(baseline);

        var backlog = quick ? 2_000 : 10_000;
        progress.WriteLine($"link: drain of {backlog} queued events, beside {backlog} bare publishes");
        var bareRate = await bare.RateAsync(backlog);
        var drain = await DrainAsync(panel, lines, backlog, BenchConfig.TroubleKind(config, Zone));
        report.Add(new Figure("drain", drain.Rate, "events/s", bareRate, drain.Rate / bareRate, ">= 0.5x"));
        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"drain: {backlog} events committed while the link was stopped, then the link started; from its first " +
            $"CONNACK to the outbox empty (every row acknowledged by the station), {drain.Seconds:0.00} s; station printed " +
            $"them all at {drain.PrintedRate:0} events/s. baseline: {backlog} bare QoS 1 publishes of {EnvelopeSize} bytes, " +
            $"each PUBACK awaited, until the subscriber had them all."));
        progress.WriteLine("link: drain breakdown");
        await panel.StopLinkAsync(); // the rows queued for the breakdown must not be sent
        report.Note(DrainBreakdown.Measure(panel, Path.Combine(scratch, "station-breakdown.db"), quick ? 500 : 2_000,
            BenchConfig.TroubleKind(config, Zone), bareRoundTrip));
    }

    private static async Task<(List<double> Path, List<double> Bare, List<double> Durable)> LatencyAsync(
        LinkPanel panel, StationLines lines, BareMqtt bare, DurableFloor floor, int rounds, int samples)
    {
        var path = new List<double>();
        var baseline = new List<double>();
        var durable = new List<double>();
        for (var i = 0; i < samples / 2; i++) // warm-up of both, not counted
        {
            lines.TimeOne(panel.Toggle);
            await bare.TimeOneAsync();
        }

        for (var round = 0; round < rounds; round++)
        {
            // Alternate which goes first, so a drift of the machine's load weighs on both alike.
            var first = round % 2 == 0;
            for (var pass = 0; pass < 2; pass++)
            {
                for (var i = 0; i < samples; i++)
                {
                    if (first == (pass == 0))
                    {
                        path.Add(lines.TimeOne(panel.Toggle));
                    }
                    else
                    {
                        baseline.Add(await bare.TimeOneAsync());
                        durable.Add(await floor.TimeOneAsync());
                    }

                    await Task.Delay(2);
                }
            }
        }

        return (path, baseline, durable);
    }

    private void AddLatency(List<double> path, List<double> baseline, List<double> durable)
    {
        var (p99, b99) = (Stats.Percentile(path, 99), Stats.Percentile(baseline, 99));
        var (p50, b50) = (Stats.Median(path), Stats.Median(baseline));
        report.Add(new Figure("latency", p99, "ms p99", b99, p99 / b99, "<= 2x"));
        report.Add(new Figure("latency-p50", p50, "ms", b50, p50 / b50));
        var (d99, d50) = (Stats.Percentile(durable, 99), Stats.Median(durable));
        report.Add(new Figure("latency-vs-durable", p99, "ms p99", d99, p99 / d99));
        report.Add(new Figure("latency-vs-durable-p50", p50, "ms", d50, p50 / d50));
        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"latency: {path.Count} edges of '{Zone}' (debounce 0): SetZone on the simulated board → pump → engine → " +
            $"SQLite commit (FULL) → uplink notified → sealed → QoS 1 publish → Mosquitto → station opens, de-duplicates, " +
            $"commits (FULL) → JSON line written. baseline: bare MQTTnet QoS 1 publish (PUBACK awaited) → subscriber's " +
            $"handler, {EnvelopeSize}-byte payloads, same broker, alternating blocks; p99 over all samples. " +
            $"latency-vs-durable: the same path against the least a durable store-and-forward must do, timed as one " +
            $"sample right after each bare one: a bare SQLite commit (WAL, FULL, own file), the bare publish → receive, " +
            $"and a second bare commit (the station's receipt)."));
    }

    private async Task<(double Rate, double Seconds, double PrintedRate)> DrainAsync(
        LinkPanel panel, StationLines lines, int backlog, string troubleKind)
    {
        await panel.StopLinkAsync();
        var printedBefore = lines.Count;
        panel.Queue(backlog, troubleKind);
        await panel.StartLinkAsync();
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        await LinkWorld.UntilAsync(() => lines.Count >= printedBefore + backlog, "backlog printed by the station", TimeSpan.FromMinutes(10));
        var printed = Stats.Ms(start, System.Diagnostics.Stopwatch.GetTimestamp()) / 1000;
        await LinkWorld.UntilAsync(() => panel.PendingCount == 0, "backlog acknowledged", TimeSpan.FromMinutes(10));
        var seconds = Stats.Ms(start, System.Diagnostics.Stopwatch.GetTimestamp()) / 1000;
        return (backlog / seconds, seconds, backlog / printed);
    }

    private async Task ProcessesAsync(LinkWorld world, string scratch)
    {
        progress.WriteLine("link: RSS of panel-agent and panel-station processes, link up");
        var (agentKb, stationKb) = await LinkProcesses.MeasureRssAsync(
            Path.GetFullPath(args.AgentPath), world, Directory.CreateDirectory(Path.Combine(scratch, "agent")).FullName,
            Path.Combine(scratch, "station-process.db"));
        report.Add(new Figure("rss", agentKb / 1024.0, "MB"));
        report.Add(new Figure("rss-station", stationKb / 1024.0, "MB"));
        report.Note("rss: VmRSS of `panel-agent --simulate` and of `panel-station`, 5 s after the agent's READY with the " +
            "link connected; JIT, not AOT.");
    }
}
