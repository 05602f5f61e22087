namespace PanelAgent.Fleet;

/// <summary>Order statistics over samples; linear interpolation between closest ranks (as the link bench).</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyCollection<double> samples, double percent)
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
}
