namespace PanelAgent.Bench;

/// <summary>
/// Stopwatch timestamps of one edge's way through the panel: before the board changed, when SetZone returned (the
/// edge is posted), when the pump handed the trigger to the panel, when Commit began and ended, and EventRaised; and
/// how many garbage collections (any generation counts as gen 0) ran meanwhile.
/// </summary>
internal readonly record struct PathStamps(
    long Start, long Posted, long Delivered, long CommitStart, long CommitEnd, long Raised, int Collections = 0)
{
    /// <summary>Named spans in milliseconds, in path order.</summary>
    public double TotalMs => Stats.Ms(Start, Raised);

    public IEnumerable<(string Span, double Ms)> Spans()
    {
        yield return ("edge -> posted (SetZone, callback, TryWrite)", Stats.Ms(Start, Posted));
        yield return ("edge -> trigger at panel (pump wakeup, drain)", Stats.Ms(Start, Delivered));
        yield return ("trigger -> commit start (lock, decide)", Stats.Ms(Delivered, CommitStart));
        yield return ("commit (store: 3 statements, fsync)", Stats.Ms(CommitStart, CommitEnd));
        yield return ("commit end -> EventRaised (outputs, timer)", Stats.Ms(CommitEnd, Raised));
        yield return ("total edge -> EventRaised", Stats.Ms(Start, Raised));
    }
}
