using Microsoft.Data.Sqlite;
using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage.AccessLog;

/// <summary>
/// Walks the access log from the retention anchor (or the genesis) in sequence order and recomputes every hash.
/// Finds: a gap in the sequence (an entry removed, at the tail too, through <c>sqlite_sequence</c>), an entry whose
/// previous hash is not its predecessor's (removed or reordered), and an entry whose fields no longer give its hash
/// (altered). A rewrite of every later hash by someone who knows the scheme is not detectable from the file alone;
/// the head hash, sent off the panel, is what catches that (docs/panelctl.md).
/// </summary>
public static class AccessLogVerifier
{
    private const string Rows =
        "SELECT seq, at_utc, actor, action, subject, detail, prev_hash, hash FROM access_log ORDER BY seq";

    /// <summary>Verifies the access log of a database file, read-only, without the panel running.</summary>
    public static AccessLogVerification VerifyFile(string path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return Verify(connection);
    }

    internal static AccessLogVerification Verify(SqliteConnection connection)
    {
        var (anchorSeq, anchorHash, pruned) = ReadAnchor(connection);
        var walk = new Walk(anchorSeq, anchorHash);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Rows;
            using var reader = command.ExecuteReader();
            while (walk.Problem is null && reader.Read())
            {
                walk.Step(reader);
            }
        }

        if (walk.Problem is null && HighestSequence(connection) is { } highest && highest > walk.LastSequence)
        {
            walk.Fail(walk.LastSequence + 1,
                $"entries {walk.LastSequence + 1}..{highest} are missing (removed from the end of the log)");
        }

        return new AccessLogVerification(walk.Problem is null, walk.Count, walk.FirstSequence, walk.LastSequence,
            pruned, walk.Head, walk.Problem, walk.BadSequence);
    }

    internal static (long Seq, string Hash, long Pruned) ReadAnchor(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, hash, pruned FROM access_log_anchor WHERE id = 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)) : (0, AccessChain.Genesis, 0);
    }

    internal static long? HighestSequence(SqliteConnection connection) =>
        SqliteSql.Scalar(connection, "SELECT seq FROM sqlite_sequence WHERE name = 'access_log'") is long value
            ? value
            : null;

    private sealed class Walk(long anchorSeq, string anchorHash)
    {
        public long Count { get; private set; }

        public long FirstSequence { get; private set; }

        public long LastSequence { get; private set; } = anchorSeq;

        public string Head { get; private set; } = anchorHash;

        public string? Problem { get; private set; }

        public long? BadSequence { get; private set; }

        public void Step(SqliteDataReader row)
        {
            var seq = row.GetInt64(0);
            if (seq != LastSequence + 1)
            {
                Fail(LastSequence + 1, seq > LastSequence + 1
                    ? $"entry {LastSequence + 1} is missing (the log jumps from {LastSequence} to {seq})"
                    : $"entry {seq} is out of order");
                return;
            }

            var previous = row.GetString(6);
            if (!string.Equals(previous, Head, StringComparison.Ordinal))
            {
                Fail(seq, $"entry {seq} does not chain to entry {LastSequence} (removed, reordered or altered)");
                return;
            }

            var expected = AccessChain.Hash(previous, seq, row.GetInt64(1), row.GetString(2), row.GetString(3),
                row.IsDBNull(4) ? null : row.GetString(4), row.IsDBNull(5) ? null : row.GetString(5));
            if (!string.Equals(expected, row.GetString(7), StringComparison.Ordinal))
            {
                Fail(seq, $"entry {seq} was altered (its fields no longer give its hash)");
                return;
            }

            FirstSequence = Count == 0 ? seq : FirstSequence;
            Count++;
            LastSequence = seq;
            Head = expected;
        }

        public void Fail(long sequence, string problem)
        {
            BadSequence = sequence;
            Problem = problem;
        }
    }
}
