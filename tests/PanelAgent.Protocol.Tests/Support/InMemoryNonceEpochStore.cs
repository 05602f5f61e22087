using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Protocol.Tests.Support;

/// <summary>
/// Tests only: the epoch counter in memory, with a snapshot and a roll-back that stand for a database backup and its
/// restore. The real store is the storage layer's, on disk and fsynced.
/// </summary>
public sealed class InMemoryNonceEpochStore : INonceEpochStore
{
    private readonly Lock _lock = new();
    private uint _last;

    public InMemoryNonceEpochStore(uint last = 0) => _last = last;

    public int Taken { get; private set; }

    public uint TakeNextEpoch()
    {
        lock (_lock)
        {
            Taken++;
            return ++_last;
        }
    }

    /// <summary>What a backup taken now would hold.</summary>
    public uint Snapshot()
    {
        lock (_lock)
        {
            return _last;
        }
    }

    /// <summary>Restores a backup: the counter goes back to <paramref name="snapshot"/>.</summary>
    public void RollBackTo(uint snapshot)
    {
        lock (_lock)
        {
            _last = snapshot;
        }
    }
}
