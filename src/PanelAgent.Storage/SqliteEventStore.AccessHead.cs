using System.Globalization;
using Microsoft.Data.Sqlite;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Storage.Sqlite;

namespace PanelAgent.Storage;

/// <summary>
/// The access log's head for the station's status (IAccessLogHead): a count of the rows held (a scan of at most 12
/// months of entries, kept as a real count because rows missing from the middle must show) and two indexed lookups,
/// once per heartbeat, under the store's lock.
/// </summary>
public sealed partial class SqliteEventStore : IAccessLogHead
{
    public AccessLogHead ReadAccessHead(long? witnessSequence = null) => Run("read access head", connection =>
    {
        var entries = Convert.ToInt64(SqliteSql.Scalar(connection, "SELECT count(*) FROM access_log"), CultureInfo.InvariantCulture);
        var (seq, hash) = Head(connection); // the newest row, or the retention anchor when all are pruned
        return witnessSequence is { } witness
            ? new AccessLogHead(entries, seq, hash, witness, HashAt(connection, witness))
            : new AccessLogHead(entries, seq, hash);
    });

    private static string? HashAt(SqliteConnection connection, long sequence)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM access_log WHERE seq = $seq";
        command.Parameters.AddWithValue("$seq", sequence);
        if (command.ExecuteScalar() is string hash)
        {
            return hash;
        }

        // Pruned by retention (12 months): the anchor keeps the hash of the last entry removed.
        var (anchorSeq, anchorHash, _) = AccessLog.AccessLogVerifier.ReadAnchor(connection);
        return anchorSeq == sequence ? anchorHash : null;
    }
}
