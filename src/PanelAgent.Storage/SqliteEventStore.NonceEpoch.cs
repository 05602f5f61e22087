using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage;

/// <summary>The sealing boot epoch behind <see cref="SqliteNonceEpochStore"/>.</summary>
public sealed partial class SqliteEventStore
{
    /// <summary>
    /// Increments the epoch in one IMMEDIATE transaction on this store's connection (WAL, synchronous=FULL), so the
    /// COMMIT has fsynced the WAL before the value is returned. The first call returns 1. The CHECK on the column
    /// makes the 2^32-th call fail rather than wrap.
    /// </summary>
    internal uint TakeNextEpoch()
    {
        var epoch = Write("take nonce epoch", writer => (long)SqliteSql.Scalar(writer.Connection, """
            INSERT INTO nonce_epoch (id, epoch) VALUES (1, 1)
            ON CONFLICT (id) DO UPDATE SET epoch = epoch + 1
            RETURNING epoch
            """)!);
        var taken = checked((uint)epoch);
        StorageLog.NonceEpochTaken(_logger, taken);
        return taken;
    }
}
