using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.Events;
using PanelAgent.Storage.Schema;
using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage;

/// <summary>
/// The floor for the storage benchmark: the same file settings (WAL, synchronous=FULL), the same schema and the same
/// prepared INSERT as <see cref="SqliteEventStore.Commit"/>, but one row per transaction with no log filing, no
/// state upsert, no lock and no error mapping. Comparing the two on one machine shows what the store itself costs.
/// Use its own file, not the panel's.
/// </summary>
public sealed class BareSqliteBaseline : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly WriterStatements _statements;

    public BareSqliteBaseline(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _connection = new SqliteConnectionFactory(Path.GetFullPath(path), TimeSpan.FromSeconds(2)).Open(create: true);
        SqliteSql.EnableWal(_connection);
        SchemaMigrator.Migrate(_connection, Migrations.All, NullLogger.Instance);
        _statements = new WriterStatements(_connection);
    }

    /// <summary>One INSERT and COMMIT; returns the assigned sequence.</summary>
    public long Insert(PanelEvent panelEvent)
    {
        ArgumentNullException.ThrowIfNull(panelEvent);
        _statements.Begin();
        try
        {
            var sequence = _statements.InsertEvent(panelEvent);
            _statements.Commit();
            return sequence;
        }
        catch
        {
            _statements.RollbackQuietly();
            throw;
        }
    }

    public void Dispose()
    {
        _statements.Dispose();
        _connection.Dispose();
    }
}
