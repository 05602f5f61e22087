using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.Events;
using PanelAgent.Core.Privacy;
using PanelAgent.Storage;

namespace PanelAgent.Bench;

/// <summary>
/// The access log's costs (issue 5): a durable, hash-chained append beside a bare single-row SQLite commit measured in
/// the same run on the same file system (the chain adds a head read and a SHA-256), and the time <c>audit verify</c>
/// takes per entry. Figures only; nothing here passes or fails.
/// </summary>
internal sealed class PanelCtlBench(BenchArguments args, Report report, TextWriter progress)
{
    public void Run()
    {
        var scratch = Path.Combine(Path.GetFullPath(args.DataRoot), $"panelctl-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(scratch);
        try
        {
            var rounds = args.Quick ? 200 : 2000;
            var baseline = BareCommits(Path.Combine(scratch, "bare.db"), rounds);
            using var store = SqliteStoreOpener.Open(Path.Combine(scratch, "panel.db"), TimeProvider.System, NullLogger.Instance).Store;
            var appends = Appends(store, rounds);
            report.Add(new Figure("access-log append p50 (durable, chained)", Stats.Median(appends), "ms", Stats.Median(baseline),
                Stats.Median(appends) / Stats.Median(baseline)));
            report.Add(new Figure("access-log append p99", Stats.Percentile(appends, 99), "ms", Stats.Percentile(baseline, 99),
                Stats.Percentile(appends, 99) / Stats.Percentile(baseline, 99)));
            Verify(store);
            report.Note($"baseline: one bare INSERT + COMMIT per row (BareSqliteBaseline), {rounds} rounds, same directory {scratch}");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private List<double> BareCommits(string path, int rounds)
    {
        progress.WriteLine($"bare SQLite: {rounds} single-row commits");
        using var bare = new BareSqliteBaseline(path);
        var samples = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            bare.Insert(new PanelEvent(EventKinds.SirenOn, DateTimeOffset.UtcNow, Detail: "bench"));
            samples.Add(Stats.Ms(start, Stopwatch.GetTimestamp()));
        }

        return samples;
    }

    private List<double> Appends(SqliteEventStore store, int rounds)
    {
        progress.WriteLine($"access log: {rounds} appends");
        var samples = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var entry = new AccessEntry(DateTimeOffset.UtcNow, "technician:0", AccessActions.SessionCommand, "status", "bench");
            var start = Stopwatch.GetTimestamp();
            store.Append(entry);
            samples.Add(Stats.Ms(start, Stopwatch.GetTimestamp()));
        }

        return samples;
    }

    private void Verify(SqliteEventStore store)
    {
        var start = Stopwatch.GetTimestamp();
        var result = store.VerifyAccessLog();
        var ms = Stats.Ms(start, Stopwatch.GetTimestamp());
        if (!result.Intact)
        {
            throw new InvalidOperationException($"the benchmark's own access log does not verify: {result.Problem}");
        }

        report.Add(new Figure($"audit verify ({result.Entries} entries)", ms, "ms"));
        report.Add(new Figure("audit verify per entry", ms * 1000 / result.Entries, "us"));
    }
}
