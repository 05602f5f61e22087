using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Storage;

/// <summary>
/// <see cref="INonceEpochStore"/> on the panel's SQLite file: the epoch is a single row incremented and made durable
/// (committed with synchronous=FULL) before it is returned, so it grows across restarts and crashes. It shares the
/// store's connection and lock; it does not own the store.
/// </summary>
public sealed class SqliteNonceEpochStore : INonceEpochStore
{
    private readonly SqliteEventStore _store;

    public SqliteNonceEpochStore(SqliteEventStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc/>
    /// <exception cref="Core.Ports.StorageUnavailableException">The epoch could not be made durable.</exception>
    public uint TakeNextEpoch() => _store.TakeNextEpoch();
}
