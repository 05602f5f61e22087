using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PanelAgent.Update.Safety;

/// <summary>
/// The running agent's activity from its database, read-only: the persisted engine state (persisted before the panel
/// acts, so it is never behind what the panel does) and the outbox (an alarm row not yet acknowledged end to end by
/// the station is an alarm still being transmitted; without a station link nothing is ever acknowledged, so the
/// outbox is not consulted). A file that cannot be read counts as busy: when in doubt, wait.
/// </summary>
public sealed class SqlitePanelActivity(string databasePath, bool hasStationLink = true) : IPanelActivity
{
    private const int AlarmPriority = 0; // EventPriority.Alarm

    public PanelActivity Read()
    {
        if (!File.Exists(databasePath))
        {
            return PanelActivity.Idle;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
            connection.Open();
            var (armed, alarm) = ReadState(connection);
            return new PanelActivity(armed, alarm, hasStationLink && HasPendingAlarm(connection));
        }
        catch (Exception ex) when (ex is SqliteException or JsonException or InvalidOperationException)
        {
            return new PanelActivity(Armed: true, InAlarm: false, TransmittingAlarm: false);
        }
    }

    private static (bool Armed, bool Alarm) ReadState(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM panel_state WHERE id = 1";
        if (command.ExecuteScalar() is not string json)
        {
            return (false, false);
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var phase = root.TryGetProperty("phase", out var p) ? p.GetString() : null;
        var armed = root.TryGetProperty("armed", out var a) && a.GetBoolean();
        return (armed || phase is not (null or "Disarmed"), phase == "Alarm");
    }

    private static bool HasPendingAlarm(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'acked_at'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return false; // schema 1: no outbox yet
        }

        command.CommandText = $"""
            SELECT EXISTS (SELECT 1 FROM events
                           WHERE priority = {AlarmPriority} AND acked_at IS NULL AND dropped_at IS NULL)
            """;
        return (long)command.ExecuteScalar()! != 0;
    }
}
