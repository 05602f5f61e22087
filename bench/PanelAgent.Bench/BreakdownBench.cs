using System.Diagnostics;
using System.Globalization;
using PanelAgent.Core.Events;
using PanelAgent.Storage;

namespace PanelAgent.Bench;

/// <summary>
/// Where the edge-to-event time goes, printed under the table (the figures themselves come from the real runtime):
/// the instrumented wiring (<see cref="InstrumentedPanel"/>) with the pump's own loop and with the edge's thread
/// draining the pump itself, interleaved with the bare insert; what the slowest edges spent their time on; memory
/// allocated per edge; and, under load, how much of each event's time is the store's Commit.
/// </summary>
internal sealed class BreakdownBench(BenchPlan plan, BareSqliteBaseline baseline, string zone)
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;
    private readonly PanelEvent _baselineEvent = new(EventKinds.Trouble(zone), DateTimeOffset.UtcNow, zone);

    public IEnumerable<string> Run(IReadOnlyDictionary<PumpMode, InstrumentedPanel> panels)
    {
        var (stamps, bare) = Sample(panels);
        var looped = stamps[PumpMode.Loop];
        var tail = looped.OrderByDescending(s => s.TotalMs).Take(Math.Max(3, looped.Count / 100)).ToList();
        var columns = stamps.Select(s => (Name: s.Key.ToString(), Spans: Spans(s.Value)))
            .Append((Name: "Loop, slowest 1%", Spans: Spans(tail))).ToList();
        var lines = new List<string>
        {
            string.Create(s_invariant, $"breakdown: instrumented copy of the runtime's wiring, {looped.Count} edges per " +
                $"column, medians in ms; who drains the pump: Loop = Pump.RunAsync on the thread pool (as the host), " +
                $"DedicatedThread = a thread of its own woken by the sink, Inline = the edge's own thread (the floor)"),
            Row("span", columns.Select(c => c.Name)),
        };
        lines.AddRange(columns[0].Spans.Keys.Select(span => Row(span, columns.Select(c => Ms(c.Spans[span])))));
        lines.Add(Row("p99 total edge -> EventRaised", stamps.Values.Select(s => Ms(P99(s, e => e.TotalMs)))));
        lines.Add(Row("p99 commit", stamps.Values.Select(s => Ms(P99(s, e => Stats.Ms(e.CommitStart, e.CommitEnd))))));
        lines.Add(Row("bare INSERT+COMMIT (same rounds) p50, p99", [Ms(Stats.Median(bare)), Ms(Stats.Percentile(bare, 99))]));
        lines.Add(string.Create(s_invariant, $"  slowest 1% of Loop edges: {tail.Count(s => s.Collections > 0)} of " +
            $"{tail.Count} had a GC during them (all Loop edges: {looped.Count(s => s.Collections > 0)} of {looped.Count})"));
        lines.Add(Allocations(panels[PumpMode.Loop]));
        lines.Add(UnderLoad(panels[PumpMode.Loop]));
        return lines;
    }

    /// <summary>Every variant and the bare insert, edge by edge, the order flipping each time.</summary>
    private (Dictionary<PumpMode, List<PathStamps>> Stamps, List<double> Bare) Sample(
        IReadOnlyDictionary<PumpMode, InstrumentedPanel> panels)
    {
        for (var i = 0; i < plan.Warmup; i++)
        {
            foreach (var panel in panels.Values)
            {
                Gapped(panel.ToggleAndWait);
            }

            Gapped(TimedInsert);
        }

        var stamps = panels.Keys.ToDictionary(m => m, _ => new List<PathStamps>());
        var bare = new List<double>();
        for (var i = 0; i < plan.BreakdownSamples; i++)
        {
            InProcessBench.Alternate(i, () =>
            {
                foreach (var (mode, panel) in panels)
                {
                    stamps[mode].Add(Gapped(panel.ToggleAndWait));
                }
            }, () => bare.Add(Gapped(TimedInsert)));
        }

        return (stamps, bare);
    }

    private static string Row(string label, IEnumerable<string> cells) =>
        string.Create(s_invariant, $"  {label,-50}") + string.Concat(cells.Select(c => string.Create(s_invariant, $" {c,17}")));

    private static string Ms(double value) => value.ToString("0.000", s_invariant);

    private static double P99(List<PathStamps> stamps, Func<PathStamps, double> span) => Stats.Percentile(stamps.Select(span), 99);

    private static Dictionary<string, double> Spans(List<PathStamps> stamps) =>
        stamps.SelectMany(s => s.Spans()).GroupBy(s => s.Span)
            .ToDictionary(g => g.Key, g => Stats.Median(g.Select(s => s.Ms)), StringComparer.Ordinal);

    /// <summary>Bytes allocated (all threads) per edge through the panel and per bare insert: the GC's workload.</summary>
    private string Allocations(InstrumentedPanel loop)
    {
        const int Count = 200;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var gen0 = GC.CollectionCount(0);
        for (var i = 0; i < Count; i++)
        {
            loop.ToggleAndWait();
        }

        var panel = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Count;
        var collections = GC.CollectionCount(0) - gen0;
        before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Count; i++)
        {
            baseline.Insert(_baselineEvent);
        }

        var bare = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Count;
        return string.Create(s_invariant, $"  allocated per edge: {panel / 1024:0.0} KB through the panel " +
            $"({collections} gen0 GCs in {Count} edges), {bare / 1024:0.0} KB per bare insert");
    }

    /// <summary>Edges posted as fast as the panel takes them: the share of each event's time spent in Commit.</summary>
    private string UnderLoad(InstrumentedPanel loop)
    {
        var (ticksBefore, countBefore) = loop.CommitTotals;
        var (posted, seconds) = Storm.Run(loop.Toggle, loop.Raised, plan.ThroughputSlice * 4, plan.Window, "under load");
        var elapsedMs = seconds * 1000;
        var (ticks, count) = loop.CommitTotals;
        var commitMs = (ticks - ticksBefore) * 1000.0 / Stopwatch.Frequency;
        var commits = count - countBefore;
        return string.Create(s_invariant, $"  under load: {posted / seconds:0} events/s; per event " +
            $"{elapsedMs / posted:0.000} ms, of which Commit {commitMs / commits:0.000} ms ({commitMs / elapsedMs:P0}), " +
            $"the rest (pump, decide, publish, the toggling thread) {(elapsedMs - commitMs) / posted:0.000} ms");
    }

    private T Gapped<T>(Func<T> one)
    {
        Thread.Sleep(plan.Gap);
        return one();
    }

    private double TimedInsert()
    {
        var start = Stopwatch.GetTimestamp();
        baseline.Insert(_baselineEvent);
        return Stats.Ms(start, Stopwatch.GetTimestamp());
    }
}
