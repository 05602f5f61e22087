using System.Globalization;

namespace PanelAgent.Bench;

/// <summary>
/// The "release" area: bundle size, time to READY and idle RSS of the same commit built several ways
/// (framework-dependent, self-contained single-file ReadyToRun, Native AOT), side by side. The first variant is the
/// baseline of the ratios. Size-only bundles (arm64, which runs here only under emulation) get a size and nothing else.
/// </summary>
internal sealed class ReleaseBench(BenchArguments args, Report report, TextWriter progress)
{
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(120);

    public void Run()
    {
        if (args.Variants.Count == 0)
        {
            throw new InvalidOperationException("release: no --variant NAME=AGENT given");
        }

        var configPath = Path.GetFullPath(args.ConfigPath);
        var scratch = Path.Combine(Path.GetFullPath(args.DataRoot), $"panel-bench-release-{Environment.ProcessId}");
        Directory.CreateDirectory(scratch);
        try
        {
            var plan = BenchPlan.For(args.Quick);
            Measured? baseline = null;
            foreach (var (name, agent) in args.Variants)
            {
                var measured = Measure(name, Path.GetFullPath(agent), configPath, Path.Combine(scratch, name), plan);
                baseline ??= measured;
                Add(name, measured, baseline);
            }

            foreach (var (name, directory) in args.Sizes)
            {
                report.Add(new Figure("bundle-size", Megabytes(directory), "MB", Build: name));
            }

            report.Note($"bundle-size: every file of the build's folder; ready: median of {plan.ReadyStarts} restarts on " +
                $"an existing database after one first start; rss: VmRSS after {plan.Idle.TotalSeconds:0} s idle after " +
                "READY. Ratios against the first build in the same run.");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private void Add(string name, Measured m, Measured b)
    {
        report.Add(new Figure("bundle-size", m.SizeMb, "MB", b.SizeMb, m.SizeMb / b.SizeMb, Build: name));
        report.Add(new Figure("ready", m.ReadyMs, "ms", b.ReadyMs, m.ReadyMs / b.ReadyMs, Build: name));
        report.Add(new Figure("rss", m.RssMb, "MB", b.RssMb, m.RssMb / b.RssMb, Build: name));
    }

    private Measured Measure(string name, string agentPath, string configPath, string directory, BenchPlan plan)
    {
        if (!File.Exists(agentPath))
        {
            throw new FileNotFoundException($"release: {name}: no agent at {agentPath}", agentPath);
        }

        Directory.CreateDirectory(directory);
        progress.WriteLine($"release: {name}: first start");
        double rss;
        using (var first = AgentProcess.Start(agentPath, configPath, directory))
        {
            first.WaitReadyMs(s_readyTimeout);
            Thread.Sleep(plan.Idle); // a benchmark, not a test: idle is wall-clock time by definition
            rss = first.RssKb() / 1024.0;
            first.Terminate();
        }

        var ready = new List<double>();
        for (var i = 0; i < plan.ReadyStarts; i++)
        {
            using var agent = AgentProcess.Start(agentPath, configPath, directory);
            ready.Add(agent.WaitReadyMs(s_readyTimeout));
            agent.Terminate();
        }

        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"release: {name}: ready {Stats.Median(ready):0} ms, rss {rss:0.0} MB"));
        return new Measured(Megabytes(Path.GetDirectoryName(agentPath)!), Stats.Median(ready), rss);
    }

    private static double Megabytes(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1024.0 / 1024.0;

    private sealed record Measured(double SizeMb, double ReadyMs, double RssMb);
}
