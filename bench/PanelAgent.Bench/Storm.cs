using System.Diagnostics;

namespace PanelAgent.Bench;

/// <summary>
/// Edges as fast as the panel takes them: at most <c>window</c> in flight (well under the queue's capacity, so none is
/// lost), topped up each time half of them have been raised, so the toggling thread sleeps most of the time and wakes
/// once per half-window rather than once per event.
/// </summary>
internal static class Storm
{
    /// <summary>Returns the events raised and the seconds from the first toggle to the last event.</summary>
    public static (long Count, double Seconds) Run(Action toggle, EventCounter raised, TimeSpan duration, int window, string what)
    {
        var first = raised.Count;
        long posted = 0;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (posted - (raised.Count - first) >= window)
            {
                raised.WaitUntil(first + posted - (window / 2), what);
            }

            toggle();
            posted++;
        }

        raised.WaitUntil(first + posted, what);
        return (posted, Stats.Ms(start, raised.LastAt) / 1000);
    }
}
