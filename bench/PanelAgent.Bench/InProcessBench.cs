using System.Diagnostics;
using System.Globalization;
using PanelAgent.Core.Events;
using PanelAgent.Storage;

namespace PanelAgent.Bench;

/// <summary>
/// Latency and throughput of the panel's edge-to-durable-event path against bare SQLite single-row commits on the
/// same file system, in the same run. The machine is shared, so subject and baseline are interleaved finely: latency
/// sample by sample, throughput in short alternating slices, the order flipping each time, so that a noisy neighbour
/// or a busy disk hits both sides alike.
/// </summary>
internal sealed class InProcessBench(BenchPlan plan, BenchPanel panel, BareSqliteBaseline baseline, string zone, TextWriter progress)
{
    private readonly PanelEvent _baselineEvent = new(EventKinds.Trouble(zone), DateTimeOffset.UtcNow, zone);
    private readonly List<string> _notes = [];

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Subject then baseline when <paramref name="turn"/> is even, baseline then subject when odd.</summary>
    public static void Alternate(int turn, Action subject, Action baseline)
    {
        if (turn % 2 == 0)
        {
            subject();
            baseline();
        }
        else
        {
            baseline();
            subject();
        }
    }

    public void Warmup()
    {
        // Paced like the measurement, so that tiered JIT has promoted the whole path before the first round.
        for (var i = 0; i < plan.Warmup; i++)
        {
            Gapped(panel.ToggleAndWaitMs);
            Gapped(TimedInsert);
        }
    }

    /// <summary>Per round: p50 and p99 of each side; the figures are the medians of those over the rounds.</summary>
    public IEnumerable<Figure> Latency()
    {
        var subjectP50 = new List<double>();
        var subjectP99 = new List<double>();
        var baseP50 = new List<double>();
        var baseP99 = new List<double>();
        for (var round = 0; round < plan.LatencyRounds; round++)
        {
            var subject = new List<double>(plan.LatencySamples);
            var bare = new List<double>(plan.LatencySamples);
            for (var i = 0; i < plan.LatencySamples; i++)
            {
                // Edges on a panel are sparse: the loop's thread has gone back to sleep before the next one comes.
                Alternate(round + i, () => subject.Add(Gapped(panel.ToggleAndWaitMs)), () => bare.Add(Gapped(TimedInsert)));
            }

            subjectP50.Add(Stats.Percentile(subject, 50));
            subjectP99.Add(Stats.Percentile(subject, 99));
            baseP50.Add(Stats.Percentile(bare, 50));
            baseP99.Add(Stats.Percentile(bare, 99));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  latency round {round + 1}: panel p50 {subjectP50[^1]:0.000} p99 {subjectP99[^1]:0.000} ms, " +
                $"bare p50 {baseP50[^1]:0.000} p99 {baseP99[^1]:0.000} ms"));
        }

        var p50 = Stats.Median(subjectP50);
        var p99 = Stats.Median(subjectP99);
        var b50 = Stats.Median(baseP50);
        var b99 = Stats.Median(baseP99);
        _notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"latency: {plan.LatencyRounds} rounds x {plan.LatencySamples} edges per side, {plan.Gap.TotalMilliseconds:0} ms " +
            $"apart; p50 ratio per round: {RatioList(subjectP50, baseP50)}; p99: {RatioList(subjectP99, baseP99)}"));
        yield return new Figure("latency", p50, "ms", b50, p50 / b50, "<= 1.5x");
        yield return new Figure("latency-p99", p99, "ms", b99, p99 / b99, "<= 1.5x");
    }

    /// <summary>
    /// Events/s with edges posted as fast as the panel takes them (<see cref="Storm"/>), each its own decision and
    /// commit; against bare single-row commits in a tight loop. Totals over all slices of each side.
    /// </summary>
    public Figure Throughput()
    {
        var subject = new List<(long Count, double Seconds)>();
        var bare = new List<(long Count, double Seconds)>();
        for (var pair = 0; pair < plan.ThroughputPairs; pair++)
        {
            Alternate(pair, () => subject.Add(PanelSlice()), () => bare.Add(BareSlice()));
        }

        var value = subject.Sum(s => s.Count) / subject.Sum(s => s.Seconds);
        var floor = bare.Sum(s => s.Count) / bare.Sum(s => s.Seconds);
        var pairRatios = subject.Zip(bare, (s, b) => s.Count / s.Seconds / (b.Count / b.Seconds)).ToList();
        _notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"throughput: {plan.ThroughputPairs} alternating slices of {plan.ThroughputSlice.TotalMilliseconds:0} ms per side, " +
            $"window {plan.Window}; per-pair ratio p25/p50/p75: {Stats.Percentile(pairRatios, 25):0.00}/" +
            $"{Stats.Percentile(pairRatios, 50):0.00}/{Stats.Percentile(pairRatios, 75):0.00}"));
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  throughput: panel {value:0} events/s, bare {floor:0} commits/s"));
        return new Figure("throughput", value, "events/s", floor, value / floor, ">= 0.7x");
    }

    private static string RatioList(List<double> subject, List<double> baseline) =>
        string.Join(' ', subject.Zip(baseline, (s, b) => (s / b).ToString("0.00", CultureInfo.InvariantCulture)));

    private double Gapped(Func<double> one)
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

    private (long, double) PanelSlice() =>
        Storm.Run(panel.Toggle, panel.Raised, plan.ThroughputSlice, plan.Window, "throughput");

    private (long, double) BareSlice()
    {
        long count = 0;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(plan.ThroughputSlice.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            baseline.Insert(_baselineEvent);
            count++;
            now = Stopwatch.GetTimestamp();
        }
        while (now < deadline);

        return (count, Stats.Ms(start, now) / 1000);
    }
}
