using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Runtime;
using PanelAgent.Storage;

namespace PanelAgent.Privacy;

/// <summary>
/// The host's <see cref="IAccessLog"/> and <see cref="IPrivacySettings"/> for other services to take from DI: they
/// forward to the running panel's SQLite store. Before the panel has started, or when the database could not be
/// opened, entries wait in memory (bounded) and the restriction is kept in memory, so neither is ever refused.
/// </summary>
public sealed class RuntimePrivacy(RuntimeHolder holder) : IAccessLog, IPrivacySettings
{
    private const int MaxWaiting = 1000;

    private readonly Queue<AccessEntry> _waiting = new();
    private bool? _restricted;

    /// <summary>The SQLite store, or null while there is none.</summary>
    public SqliteEventStore? Store => holder.Runtime?.Store as SqliteEventStore;

    public bool CaptureRestricted => _restricted ?? Store?.CaptureRestricted ?? false;

    public void Append(AccessEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Store is not { } store)
        {
            lock (_waiting)
            {
                _waiting.Enqueue(entry);
                if (_waiting.Count > MaxWaiting)
                {
                    _waiting.Dequeue();
                }
            }

            return;
        }

        foreach (var waiting in TakeWaiting())
        {
            store.Append(waiting);
        }

        store.Append(entry);
    }

    /// <summary>
    /// Takes effect at once; throws <see cref="StorageUnavailableException"/> when it could not be made durable,
    /// so the caller can say that a reboot would lift it.
    /// </summary>
    public void SetCaptureRestricted(bool restricted)
    {
        _restricted = restricted;
        if (Store is not { } store)
        {
            throw new StorageUnavailableException("the restriction holds until the agent restarts: no database");
        }

        store.SetCaptureRestricted(restricted);
    }

    private List<AccessEntry> TakeWaiting()
    {
        lock (_waiting)
        {
            var all = _waiting.ToList();
            _waiting.Clear();
            return all;
        }
    }
}
