using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PanelAgent.Update.Confirm;

/// <summary>
/// Puts one operational <c>update.confirm</c> event in the running agent's outbox (another writer on the same WAL
/// file; the uplink polls the outbox) and waits for the station's end-to-end acknowledgement of that row. A broker
/// PUBACK is not enough: only an acknowledged row proves the new release reaches the station.
/// </summary>
public sealed class SqliteStationAck(string databasePath, TimeSpan pollInterval, TimeProvider time) : IStationAck
{
    public const string ProbeKind = "update.confirm";

    public async Task<bool> WaitAsync(string version, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + deadline;
        var seq = Enqueue(version);
        while (!IsAcknowledged(seq))
        {
            if (time.GetUtcNow() >= until)
            {
                return false;
            }

            await Task.Delay(pollInterval, time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private long Enqueue(string version)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        // Operational priority (3) and category: it never delays an alarm and never enters the P7/P8 logs.
        command.CommandText = """
            INSERT INTO events (at_utc, kind, detail, category, priority)
            VALUES ($at, $kind, $detail, 'operational', 3) RETURNING seq
            """;
        command.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$kind", ProbeKind);
        command.Parameters.AddWithValue("$detail", version);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private bool IsAcknowledged(long seq)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT acked_at IS NOT NULL FROM events WHERE seq = $seq";
        command.Parameters.AddWithValue("$seq", seq);
        return command.ExecuteScalar() is long acknowledged && acknowledged != 0;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False;Default Timeout=5");
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
