using Microsoft.Data.Sqlite;
using PanelAgent.Core.Events;
using PanelAgent.Storage.Serialization;

namespace PanelAgent.Storage.Sqlite;

/// <summary>
/// The statements of the alarm path, prepared once per connection and reused: a commit then costs binding, stepping
/// and the fsync, not parsing. Transactions are plain BEGIN/COMMIT/ROLLBACK statements rather than SqliteTransaction,
/// because after an I/O error SQLite may already have rolled back, and SqliteTransaction would then throw from its
/// own rollback and leave the connection believing a transaction is still open.
/// </summary>
internal sealed class WriterStatements : IDisposable
{
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _fileArmLog;
    private readonly SqliteCommand _fileAlarmHistory;
    private readonly SqliteCommand _trimArmLog;
    private readonly SqliteCommand _saveState;

    public WriterStatements(SqliteConnection connection)
    {
        Connection = connection;
        // IMMEDIATE takes the write lock up front, so a busy database fails at BEGIN, before any work is done.
        _begin = Create("BEGIN IMMEDIATE");
        _commit = Create("COMMIT");
        _insertEvent = Create("""
            INSERT INTO events (at_utc, kind, zone, user_number, detail, category, priority)
            VALUES ($at, $kind, $zone, $user, $detail, $category, $priority) RETURNING seq
            """, "$at", "$kind", "$zone", "$user", "$detail", "$category", "$priority");
        _fileArmLog = Create("INSERT INTO arm_log (seq) VALUES ($seq)", "$seq");
        _fileAlarmHistory = Create("INSERT INTO alarm_history (seq) VALUES ($seq)", "$seq");
        // The entry $keep places below the newest and everything older go (P7: only the last 100 are kept).
        _trimArmLog = Create(
            "DELETE FROM arm_log WHERE seq <= (SELECT seq FROM arm_log ORDER BY seq DESC LIMIT 1 OFFSET $keep)",
            "$keep");
        _saveState = Create("""
            INSERT INTO panel_state (id, json, updated_utc) VALUES (1, $json, $updated)
            ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_utc = excluded.updated_utc
            """, "$json", "$updated");
    }

    public SqliteConnection Connection { get; }

    public void Begin() => _begin.ExecuteNonQuery();

    public void Commit() => _commit.ExecuteNonQuery();

    public void RollbackQuietly() => SqliteSql.RollbackQuietly(Connection);

    /// <summary>Appends one event and returns the sequence SQLite assigned.</summary>
    public long InsertEvent(PanelEvent panelEvent)
    {
        var p = _insertEvent.Parameters;
        p[0].Value = StorageFormat.ToUnixMs(panelEvent.At);
        p[1].Value = panelEvent.Kind;
        p[2].Value = (object?)panelEvent.Zone ?? DBNull.Value;
        p[3].Value = (object?)panelEvent.User ?? DBNull.Value;
        p[4].Value = (object?)panelEvent.Detail ?? DBNull.Value;
        p[5].Value = StorageFormat.CategoryText(panelEvent.Category);
        p[6].Value = (int)panelEvent.Priority;
        return (long)_insertEvent.ExecuteScalar()!;
    }

    /// <summary>Files the event under its log; returns true when it went to the arm/disarm log.</summary>
    public bool FileUnderLog(EventCategory category, long sequence)
    {
        var command = category switch
        {
            EventCategory.ArmDisarm => _fileArmLog,
            EventCategory.AlarmHistory => _fileAlarmHistory,
            _ => null,
        };
        if (command is null)
        {
            return false;
        }

        command.Parameters[0].Value = sequence;
        command.ExecuteNonQuery();
        return command == _fileArmLog;
    }

    public void TrimArmLog(int keep)
    {
        _trimArmLog.Parameters[0].Value = keep;
        _trimArmLog.ExecuteNonQuery();
    }

    public void SaveState(string json, long updatedUnixMs)
    {
        _saveState.Parameters[0].Value = json;
        _saveState.Parameters[1].Value = updatedUnixMs;
        _saveState.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _begin.Dispose();
        _commit.Dispose();
        _insertEvent.Dispose();
        _fileArmLog.Dispose();
        _fileAlarmHistory.Dispose();
        _trimArmLog.Dispose();
        _saveState.Dispose();
    }

    private SqliteCommand Create(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        return command;
    }
}
