namespace PanelAgent.Protocol.Replay;

/// <summary>
/// How far a message's timestamp may lie from the receiver's clock. The default is SIA DC-09 practice for encrypted
/// messages: at most 40 s behind and 20 s ahead (pysiaalarm's <c>allowed_timeband = (40, 20)</c> is the same rule).
/// Both edges are inclusive, to the millisecond.
/// </summary>
/// <param name="Past">How old a message may be.</param>
/// <param name="Future">How far ahead of the receiver a sender's clock may run.</param>
public sealed record ReplayWindow(TimeSpan Past, TimeSpan Future)
{
    /// <summary>−40 s / +20 s.</summary>
    public static ReplayWindow SiaDc09 { get; } = new(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(20));

    /// <summary>
    /// How long a sender session is remembered after its last accepted message. Longer than the window is wide, so
    /// any message of a forgotten session is already outside the window: forgetting never lets a replay through.
    /// </summary>
    public TimeSpan Retention => Past + Future + TimeSpan.FromSeconds(5);

    public bool Contains(long timestampUnixMs, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        return timestampUnixMs >= nowMs - (long)Past.TotalMilliseconds
            && timestampUnixMs <= nowMs + (long)Future.TotalMilliseconds;
    }
}
