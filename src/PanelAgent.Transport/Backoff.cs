namespace PanelAgent.Transport;

/// <summary>
/// Jittered exponential backoff: the ceiling doubles per failed round from min to max, and the wait is drawn from
/// [ceiling/2, ceiling] so a fleet of panels cut off together does not reconnect in lock-step when the broker returns.
/// </summary>
internal static class Backoff
{
    /// <param name="round">0 for the first failed round.</param>
    /// <param name="min">The first ceiling.</param>
    /// <param name="max">The ceiling never grows past this.</param>
    /// <param name="unit">A value in [0, 1), e.g. <c>Random.Shared.NextDouble()</c>.</param>
    public static TimeSpan Delay(int round, TimeSpan min, TimeSpan max, double unit)
    {
        var exponent = Math.Min(Math.Max(round, 0), 30);
        var ceiling = Math.Min(min.Ticks * Math.Pow(2, exponent), max.Ticks);
        var ticks = (ceiling / 2) + (ceiling / 2 * Math.Clamp(unit, 0, 1));
        return TimeSpan.FromTicks(Math.Max(min.Ticks / 2, (long)ticks));
    }
}
