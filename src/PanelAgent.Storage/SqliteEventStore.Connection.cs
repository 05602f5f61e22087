using Microsoft.Data.Sqlite;
using PanelAgent.Core.Ports;
using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage;

/// <summary>The lock, the connection's life cycle and the mapping of SQLite failures to the port's exception.</summary>
public sealed partial class SqliteEventStore
{
    /// <summary>Runs <paramref name="body"/> in one IMMEDIATE transaction; nothing of it survives a failure.</summary>
    private T Write<T>(string operation, Func<WriterStatements, T> body) => Guarded(operation, writer =>
    {
        writer.Begin();
        try
        {
            var result = body(writer);
            writer.Commit();
            return result;
        }
        catch
        {
            writer.RollbackQuietly();
            // The cached outbox count may include the rolled-back rows: recount on next use.
            _pendingCount = null;
            throw;
        }
    });

    private T Run<T>(string operation, Func<SqliteConnection, T> body) =>
        Guarded(operation, writer => body(writer.Connection));

    private T Guarded<T>(string operation, Func<WriterStatements, T> body)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return body(_writer ??= new WriterStatements(_factory.Open(create: false)));
            }
            catch (Exception ex) when (ex is SqliteException or IOException)
            {
                StorageLog.OperationFailed(_logger, operation, ex);
                // After a disk-full or I/O error, start the next call from a fresh connection: a clean pager, the
                // pragmas (synchronous=FULL) applied again, and no statement left in a half-run state. That is what
                // makes a retry succeed once the cause (a full disk, a held lock) has gone.
                CloseConnection();
                throw new StorageUnavailableException($"Storage {operation} failed: {ex.Message}", ex);
            }
        }
    }

    private void CloseConnection()
    {
        _pendingCount = null;
        var writer = _writer;
        _writer = null;
        if (writer is null)
        {
            return;
        }

        try
        {
            writer.Dispose();
            // With pooling off this closes the file; the last close checkpoints the WAL into the database.
            writer.Connection.Dispose();
        }
        catch (SqliteException)
        {
            // Closing a connection that just failed can fail too; its handle's finalizer releases it.
        }
    }
}
