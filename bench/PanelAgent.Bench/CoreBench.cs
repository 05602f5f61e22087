using System.Globalization;
using PanelAgent.Storage;

namespace PanelAgent.Bench;

/// <summary>
/// The "core" area: edge→persisted latency and durable throughput against bare SQLite, then idle CPU, RSS and time to
/// READY of the real process. Everything lives in one scratch directory under the data root, removed at the end.
/// </summary>
internal sealed class CoreBench(BenchArguments args, Report report, TextWriter progress)
{
    private const string Zone = "mains";

    public void Run()
    {
        var plan = BenchPlan.For(args.Quick);
        var configPath = Path.GetFullPath(args.ConfigPath);
        var agentPath = Path.GetFullPath(args.AgentPath);
        if (!File.Exists(agentPath))
        {
            throw new FileNotFoundException($"panel-agent not built at {agentPath}", agentPath);
        }

        var scratch = Path.Combine(Path.GetFullPath(args.DataRoot), $"panel-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(scratch);
        try
        {
            report.Note(string.Create(CultureInfo.InvariantCulture,
                $"databases in {scratch} ({FileSystems.TypeOf(scratch)}); synchronous=FULL, WAL; zone '{Zone}' debounce 0; " +
                $"{Environment.ProcessorCount} CPUs, load average {FileSystems.LoadAverage()}"));
            InProcess(plan, configPath, scratch);
            progress.WriteLine("core: code verify");
            report.Add(CodeVerifyBench.Measure(args.Quick));
            report.Note($"code-verify: PBKDF2-HMAC-SHA256, {Core.Codes.CodeHasher.DefaultIterations} iterations, one stored " +
                "user; a keypad entry checks every user, so it costs users x this.");
            Processes(plan, agentPath, configPath, scratch);
            report.Note("latency: simulated edge (SetZone → driver callback → InputPump.Post) to AlarmPanel.EventRaised, " +
                "which is raised after the commit and the outputs; pump loop = Pump.RunAsync on the thread pool as in the " +
                "host; baseline = BareSqliteBaseline.Insert (one INSERT + COMMIT, same pragmas, own file). " +
                "Figures are medians over alternating rounds.");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private void InProcess(BenchPlan plan, string configPath, string scratch)
    {
        var config = BenchConfig.Load(configPath, Subdirectory(scratch, "panel"), Zone);
        using var baseline = new BareSqliteBaseline(Path.Combine(Subdirectory(scratch, "bare"), "bare.db"));
        using (var panel = BenchPanel.Start(config, Zone))
        {
            var bench = new InProcessBench(plan, panel, baseline, Zone, progress);
            progress.WriteLine("core: warm-up");
            bench.Warmup();
            progress.WriteLine("core: latency");
            foreach (var figure in bench.Latency())
            {
                report.Add(figure);
            }

            progress.WriteLine("core: throughput");
            report.Add(bench.Throughput());
            Verify(panel);
            foreach (var note in bench.Notes)
            {
                report.Note(note);
            }
        }

        progress.WriteLine("core: breakdown");
        var panels = Enum.GetValues<PumpMode>().ToDictionary(m => m, m => new InstrumentedPanel(
            BenchConfig.Load(configPath, Subdirectory(scratch, m.ToString().ToLowerInvariant()), Zone), Zone, m));
        try
        {
            foreach (var line in new BreakdownBench(plan, baseline, Zone).Run(panels))
            {
                report.Note(line);
            }
        }
        finally
        {
            foreach (var panel in panels.Values)
            {
                panel.Dispose();
            }
        }
    }

    /// <summary>Every toggle must have become exactly one durable event of the right kind, or the figures lie.</summary>
    private void Verify(BenchPanel panel)
    {
        var stored = panel.CountStored();
        var raised = panel.Raised.Count;
        if (stored != raised || panel.Overflowed != 0 || panel.WrongKind != 0)
        {
            throw new InvalidOperationException(
                $"pipeline check failed: {raised} events raised, {stored} stored, {panel.Overflowed} edges overflowed, " +
                $"{panel.WrongKind} of the wrong kind");
        }

        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"checked: {raised} toggles of '{Zone}' → {stored} trouble events in the database, 0 lost, 0 wrong kind"));
    }

    private void Processes(BenchPlan plan, string agentPath, string configPath, string scratch)
    {
        progress.WriteLine("core: process (idle CPU, RSS, ready)");
        var bench = new ProcessBench(plan, agentPath, configPath, Subdirectory(scratch, "agent"), progress);
        foreach (var figure in bench.Run())
        {
            report.Add(figure);
        }

        foreach (var note in bench.Notes)
        {
            report.Note(note);
        }
    }

    private static string Subdirectory(string scratch, string name) =>
        Directory.CreateDirectory(Path.Combine(scratch, name)).FullName;
}
