using System.Diagnostics;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.State;

namespace PanelAgent.Bench;

/// <summary>The real store behind a stopwatch: stamps when the panel enters and leaves <see cref="Commit"/>.</summary>
internal sealed class TimingEventStore(IEventStore inner) : IEventStore
{
    public long CommitStartedAt { get; private set; }

    public long CommitEndedAt { get; private set; }

    public long TotalTicks { get; private set; }

    public long Count { get; private set; }

    public PanelState? LoadState() => inner.LoadState();

    public IReadOnlyList<StoredEvent> Commit(IReadOnlyList<PanelEvent> events, PanelState state)
    {
        CommitStartedAt = Stopwatch.GetTimestamp();
        var stored = inner.Commit(events, state);
        CommitEndedAt = Stopwatch.GetTimestamp();
        TotalTicks += CommitEndedAt - CommitStartedAt;
        Count++;
        return stored;
    }
}
