using Microsoft.Data.Sqlite;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Storage.AccessLog;
using PanelAgent.Storage.Serialization;
using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage;

/// <summary>
/// The hash-chained access log (IAccessLog, issue 5 §3). An append that cannot be written is held in memory
/// (bounded) and written before the next one, in order: the caller never waits on a failure and never sees one.
/// </summary>
public sealed partial class SqliteEventStore : IAccessLog
{
    /// <summary>Entries held while storage fails; beyond this the oldest held entry is dropped, and counted.</summary>
    public const int MaxHeldAccessEntries = 1000;

    private readonly Queue<AccessEntry> _heldAccess = new();
    private long _accessDropped;

    /// <summary>Access entries lost because storage failed for longer than <see cref="MaxHeldAccessEntries"/> appends.</summary>
    public long AccessEntriesDropped => Interlocked.Read(ref _accessDropped);

    public void Append(AccessEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // One append at a time, held entries first: two writers must not both write the same held entry. Lock order
        // is always this queue, then the store's gate.
        lock (_heldAccess)
        {
            _heldAccess.Enqueue(entry);
            if (_heldAccess.Count > MaxHeldAccessEntries)
            {
                _heldAccess.Dequeue();
                Interlocked.Increment(ref _accessDropped);
            }

            try
            {
                Write("append access log", writer =>
                {
                    foreach (var held in _heldAccess)
                    {
                        InsertAccess(writer.Connection, held);
                    }

                    return _heldAccess.Count;
                });
                _heldAccess.Clear();
            }
            catch (Exception ex) when (ex is StorageUnavailableException or ObjectDisposedException)
            {
                PrivacyStorageLog.AccessHeld(_logger, _heldAccess.Count);
            }
        }
    }

    /// <summary>The newest <paramref name="max"/> entries (all when null), oldest first.</summary>
    public IReadOnlyList<StoredAccessEntry> ReadAccessLog(int? max = null) => Run("read access log", connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, at_utc, actor, action, subject, detail, hash FROM
                (SELECT seq, at_utc, actor, action, subject, detail, hash FROM access_log
                 ORDER BY seq DESC LIMIT $max) ORDER BY seq
            """;
        command.Parameters.AddWithValue("$max", max ?? -1);
        using var reader = command.ExecuteReader();
        var entries = new List<StoredAccessEntry>();
        while (reader.Read())
        {
            entries.Add(new StoredAccessEntry(reader.GetInt64(0), new AccessEntry(
                StorageFormat.FromUnixMs(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)),
                reader.GetString(6)));
        }

        return entries;
    });

    /// <summary>Recomputes the whole chain on the store's own connection (see <see cref="AccessLogVerifier"/>).</summary>
    public AccessLogVerification VerifyAccessLog() => Run("verify access log", AccessLogVerifier.Verify);

    /// <summary>The newest schema version this build writes (the self-test compares the file's with it).</summary>
    public static int BuildSchemaVersion => Schema.Migrations.CurrentVersion;

    /// <summary>The schema version of the open file, for the technician's self-test.</summary>
    public long SchemaVersion => Run("read schema version", c => Schema.SchemaMigrator.ReadVersion(c).Version);

    /// <summary>
    /// Removes the oldest entries at or before <paramref name="cutoff"/>, as a prefix of the chain (an old entry after
    /// a newer one, after a clock step back, waits for the newer one), and anchors the chain at the last one removed.
    /// Runs inside the retention transaction.
    /// </summary>
    private static int PruneAccessLog(SqliteConnection connection, DateTimeOffset cutoff)
    {
        var bound = SqliteSql.Scalar(connection, $"""
            SELECT coalesce((SELECT min(seq) FROM access_log WHERE at_utc > {StorageFormat.ToUnixMs(cutoff)}),
                            (SELECT max(seq) + 1 FROM access_log))
            """);
        if (bound is not long firstKept)
        {
            return 0;
        }

        using var last = connection.CreateCommand();
        last.CommandText = "SELECT seq, hash FROM access_log WHERE seq < $bound ORDER BY seq DESC LIMIT 1";
        last.Parameters.AddWithValue("$bound", firstKept);
        using var reader = last.ExecuteReader();
        if (!reader.Read())
        {
            return 0;
        }

        var (seq, hash) = (reader.GetInt64(0), reader.GetString(1));
        reader.Close();
        var removed = SqliteSql.Execute(connection, "DELETE FROM access_log WHERE seq < $bound", ("$bound", firstKept));
        SqliteSql.Execute(connection, """
            INSERT INTO access_log_anchor (id, seq, hash, pruned) VALUES (1, $seq, $hash, $removed)
            ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, pruned = pruned + excluded.pruned
            """, ("$seq", seq), ("$hash", hash), ("$removed", removed));
        return removed;
    }

    private static void InsertAccess(SqliteConnection connection, AccessEntry entry)
    {
        var (headSeq, headHash) = Head(connection);
        // Next after the highest sequence ever handed out, not after the last row: if rows were removed from the end,
        // the gap stays visible to verification instead of being papered over by a fresh link.
        var seq = Math.Max(headSeq, AccessLogVerifier.HighestSequence(connection) ?? 0) + 1;
        var at = StorageFormat.ToUnixMs(entry.At);
        var hash = AccessChain.Hash(headHash, seq, at, entry.Actor, entry.Action, entry.Subject, entry.Detail);
        SqliteSql.Execute(connection, """
            INSERT INTO access_log (seq, at_utc, actor, action, subject, detail, prev_hash, hash)
            VALUES ($seq, $at, $actor, $action, $subject, $detail, $prev, $hash)
            """, ("$seq", seq), ("$at", at), ("$actor", entry.Actor), ("$action", entry.Action),
            ("$subject", (object?)entry.Subject ?? DBNull.Value), ("$detail", (object?)entry.Detail ?? DBNull.Value),
            ("$prev", headHash), ("$hash", hash));
    }

    private static (long Seq, string Hash) Head(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        if (reader.Read())
        {
            return (reader.GetInt64(0), reader.GetString(1));
        }

        reader.Close();
        var (seq, hash, _) = AccessLogVerifier.ReadAnchor(connection);
        return (seq, hash);
    }
}
