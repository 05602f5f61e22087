using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Retention;
using PanelAgent.Core.State;
using PanelAgent.Core.Users;

namespace PanelAgent.Storage;

/// <summary>
/// Stands in when the database cannot be opened at all (read-only or failing medium, permissions, a file from a
/// newer release). The panel must not refuse to guard the house because of its log: every write fails, so the
/// engine holds its events in memory and raises trouble.storage, and reads find nothing.
/// </summary>
public sealed class UnavailableStore(string reason) : IPanelStore
{
    public string Reason { get; } = reason;

    public PanelState? LoadState() => null;

    public IReadOnlyList<StoredEvent> Commit(IReadOnlyList<PanelEvent> events, PanelState state) =>
        throw new StorageUnavailableException(Reason);

    public IReadOnlyList<StoredEvent> ReadArmLog() => [];

    public IReadOnlyList<StoredEvent> ReadAlarmHistory() => [];

    public IReadOnlyList<StoredEvent> ReadEvents(long afterSequence, int max) => [];

    public PruneResult Prune(DateTimeOffset now, RetentionPolicy policy) => new(0, 0, 0);

    public IReadOnlyList<UserRecord> LoadUsers() => [];

    /// <summary>Users enrolled meanwhile live in memory only; they are enrolled again when storage returns.</summary>
    public void Save(UserRecord user)
    {
    }

    public void Dispose()
    {
    }
}
