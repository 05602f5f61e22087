using Microsoft.Data.Sqlite;
using PanelAgent.Core.Retention;
using PanelAgent.Storage.Serialization;

namespace PanelAgent.Storage;

/// <summary>Retention (IRetentionStore): P7 and P8 applied to the logs and to the event log itself.</summary>
public sealed partial class SqliteEventStore
{
    private const string PruneArmLogByAge = $"""
        DELETE FROM arm_log WHERE seq IN
            (SELECT seq FROM events WHERE category = '{StorageFormat.ArmDisarm}' AND at_utc <= $cutoff)
        """;

    private const string PruneArmLogBeyondNewest =
        "DELETE FROM arm_log WHERE seq NOT IN (SELECT seq FROM arm_log ORDER BY seq DESC LIMIT $keep)";

    private const string PruneAlarmHistoryByAge = $"""
        DELETE FROM alarm_history WHERE seq IN
            (SELECT seq FROM events WHERE category = '{StorageFormat.AlarmHistory}' AND at_utc <= $cutoff)
        """;

    // The logs are views onto the event log, so pruning them alone would leave the same facts in `events`: an
    // arm/disarm event older than 3 months must not survive anywhere (P7). Operational events (outputs, code
    // changes) follow the shorter of the two periods. The periods are caps (PRIVACY.md): privacy wins over delivery,
    // so an event still unacknowledged when its period ends is deleted all the same (docs/outbox.md).
    private const string PruneEvents = $"""
        DELETE FROM events WHERE
            (category IN ('{StorageFormat.ArmDisarm}', '{StorageFormat.Operational}') AND at_utc <= $armCutoff)
            OR (category = '{StorageFormat.AlarmHistory}' AND at_utc <= $historyCutoff)
        """;

    /// <summary>
    /// Removes, in one transaction: arm/disarm entries at or before <see cref="RetentionPolicy.ArmLogCutoff"/> and
    /// beyond the newest <see cref="RetentionPolicy.ArmLogMaxEntries"/>; alarm history at or before
    /// <see cref="RetentionPolicy.AlarmHistoryCutoff"/>; and the events behind them by the same cutoffs. Cutoffs are
    /// compared at millisecond precision, the precision of the stored instants. Everything goes by age whether the
    /// station acknowledged it or not: the retention periods are caps.
    /// </summary>
    public PruneResult Prune(DateTimeOffset now, RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var armCutoff = StorageFormat.ToUnixMs(policy.ArmLogCutoff(now));
        var historyCutoff = StorageFormat.ToUnixMs(policy.AlarmHistoryCutoff(now));
        var accessRemoved = 0;
        var result = Write("prune", writer =>
        {
            var connection = writer.Connection;
            // Log rows first, so their counts are real rows removed rather than cascades of the events delete.
            var armLog = Delete(connection, PruneArmLogByAge, ("$cutoff", armCutoff))
                + Delete(connection, PruneArmLogBeyondNewest, ("$keep", policy.ArmLogMaxEntries));
            var history = Delete(connection, PruneAlarmHistoryByAge, ("$cutoff", historyCutoff));
            var events = Delete(connection, PruneEvents, ("$armCutoff", armCutoff), ("$historyCutoff", historyCutoff));
            accessRemoved = PruneAccessLog(connection, RetentionPolicy.AccessLogCutoff(now));
            // Pending rows may have gone with them: the outbox counts again on next use.
            _pendingCount = null;
            return new PruneResult(armLog, history, events);
        });
        StorageLog.Pruned(_logger, result.ArmLogRemoved, result.AlarmHistoryRemoved, result.EventsRemoved);
        if (accessRemoved > 0)
        {
            PrivacyStorageLog.AccessPruned(_logger, accessRemoved);
        }

        return result;
    }

    private static int Delete(SqliteConnection connection, string sql, params (string Name, long Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }
}
