using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Transport.Commands;

/// <summary>What the command receiver did with what arrived on <c>commands</c>, since it was made.</summary>
/// <param name="Executed">Authentic, fresh, well-formed commands handed to <see cref="IStationCommands"/>.</param>
/// <param name="Rejected">Messages that did not open, by <see cref="OpenStatus"/> (forged, altered, replayed, stale...).</param>
/// <param name="Malformed">Authentic messages that were not a command payload.</param>
/// <param name="SealedBeforeStart">Authentic commands sealed before this receiver started: a replay across a restart.</param>
/// <param name="Dropped">Messages dropped because the queue was full (the station sends again when unanswered).</param>
public sealed record CommandCounters(
    long Executed, IReadOnlyDictionary<OpenStatus, long> Rejected, long Malformed, long SealedBeforeStart, long Dropped)
{
    public long RejectedTotal => Rejected.Values.Sum();

    /// <summary>Everything that arrived: each message is counted exactly once.</summary>
    public long Total => Executed + RejectedTotal + Malformed + SealedBeforeStart + Dropped;
}
