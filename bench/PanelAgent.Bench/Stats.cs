namespace PanelAgent.Bench;

/// <summary>Order statistics over samples; linear interpolation between closest ranks.</summary>
internal static class Stats
{
    public static double Percentile(IEnumerable<double> samples, double percent)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = percent / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    public static double Median(IEnumerable<double> samples) => Percentile(samples, 50);

    /// <summary>Milliseconds between two <see cref="System.Diagnostics.Stopwatch"/> timestamps.</summary>
    public static double Ms(long from, long to) => (to - from) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
}
