namespace PanelAgent.Bench;

/// <summary>How long and how often each figure is measured; <c>--quick</c> is a smoke run, not a measurement.</summary>
internal sealed record BenchPlan(
    int LatencyRounds, int LatencySamples, int Warmup, TimeSpan Gap,
    int ThroughputPairs, TimeSpan ThroughputSlice, int Window,
    int BreakdownSamples, TimeSpan Idle, TimeSpan IdleSlice, int ReadyStarts)
{
    public static BenchPlan For(bool quick) => quick
        ? new(3, 100, 50, TimeSpan.FromMilliseconds(2), 8, TimeSpan.FromSeconds(0.2), 64, 100,
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), 3)
        : new(7, 500, 300, TimeSpan.FromMilliseconds(2), 40, TimeSpan.FromSeconds(0.25), 64, 1000,
            TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), 5);
}
