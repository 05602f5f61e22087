namespace PanelAgent.Storage;

/// <summary>What <see cref="SqliteStoreOpener.Open(StorageOptions, TimeProvider, Microsoft.Extensions.Logging.ILogger)"/> found.</summary>
/// <param name="Store">The open store, ready for use; the caller owns and disposes it.</param>
/// <param name="QuarantinedTo">
/// Where an unreadable database was moved before a fresh one was created (its -wal/-shm keep their suffixes after
/// this name); null when the file was fine. When set, the host raises <c>trouble.storage</c>.
/// </param>
/// <param name="Problem">Why the file was quarantined (SQLite's message or the quick_check report); null when fine.</param>
/// <param name="MigrationsApplied">How many schema migration steps this open applied (0 on an up-to-date file).</param>
public sealed record StoreOpenResult(SqliteEventStore Store, string? QuarantinedTo, string? Problem, int MigrationsApplied)
{
    public bool Quarantined => QuarantinedTo is not null;
}
