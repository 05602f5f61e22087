using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Storage;
using PanelAgent.Update.Safety;
using PanelAgent.Update.Tests.Support;

namespace PanelAgent.Update.Tests.Safety;

/// <summary>The state gate on a real panel database made by the real opener.</summary>
public sealed class SqlitePanelActivityTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _db;

    public SqlitePanelActivityTests()
    {
        _db = _temp.Combine("panel.db");
        SqliteStoreOpener.Open(_db, TimeProvider.System, NullLogger.Instance).Store.Dispose();
    }

    [Fact]
    public void Read_NoStateYet_Idle() => Assert.Null(new SqlitePanelActivity(_db).Read().BusyReason);

    [Theory]
    [InlineData("""{"phase":"Disarmed","armed":false}""", null)]
    [InlineData("""{"phase":"ArmedAway","armed":true}""", "the panel is armed")]
    [InlineData("""{"phase":"ExitDelay","armed":true}""", "the panel is armed")]
    [InlineData("""{"phase":"Alarm","armed":false}""", "the panel is in alarm")]
    public void Read_PersistedState_BusyWhenArmedOrInAlarm(string json, string? reason)
    {
        Execute("INSERT INTO panel_state (id, json, updated_utc) VALUES (1, $p, 0)", json);

        Assert.Equal(reason, new SqlitePanelActivity(_db).Read().BusyReason);
    }

    [Fact]
    public void Read_UnacknowledgedAlarmInTheOutbox_BusyTransmitting()
    {
        Execute("INSERT INTO events (at_utc, kind, category, priority) VALUES (0, $p, 'alarm_history', 0)", "alarm.fire");

        Assert.Equal("an alarm is still being transmitted to the station", new SqlitePanelActivity(_db).Read().BusyReason);
        Assert.Null(new SqlitePanelActivity(_db, hasStationLink: false).Read().BusyReason);
    }

    [Fact]
    public void Read_AcknowledgedAlarm_Idle()
    {
        Execute("INSERT INTO events (at_utc, kind, category, priority, acked_at) VALUES (0, $p, 'alarm_history', 0, 1)", "alarm.fire");

        Assert.Null(new SqlitePanelActivity(_db).Read().BusyReason);
    }

    private void Execute(string sql, string parameter)
    {
        using var connection = new SqliteConnection($"Data Source={_db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        command.ExecuteNonQuery();
    }

    public void Dispose() => _temp.Dispose();
}
