using Microsoft.Data.Sqlite;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Storage;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Runtime;

/// <summary>A database the panel may not open must not keep it from guarding the house.</summary>
public sealed class StoreUnavailableTests : IDisposable
{
    private readonly SimulatedPanel _panel = new();

    public void Dispose() => _panel.Dispose();

    [Fact]
    public void Start_DatabaseFromANewerRelease_RunsWithoutALogRaisesTroubleAndStillAlarms()
    {
        LeaveNewerDatabase(_panel.DatabasePath);
        var before = File.ReadAllBytes(_panel.DatabasePath);

        var runtime = _panel.Start();
        runtime.Panel.EnterCode(SimVilla.UserCode, KeypadAction.ArmIn(ArmMode.Away));
        _panel.Time.Advance(TimeSpan.FromSeconds(31));
        _panel.Board.Board.SetZone("living-room-window", ZoneCondition.Active);
        runtime.Pump.ProcessPending();
        _panel.Time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.IsType<UnavailableStore>(runtime.Store);
        Assert.Contains(_panel.Events, e => e.Kind == EventKinds.Trouble(TroubleKinds.Storage));
        Assert.Equal(PanelPhase.Alarm, runtime.Panel.State.Phase);
        Assert.True(_panel.Board.Board.IsOutputOn(OutputKind.Siren));
        Assert.True(runtime.Panel.UnsavedCount > 0);
        Assert.Equal(before, File.ReadAllBytes(_panel.DatabasePath)); // the newer release's file is left alone
    }

    /// <summary>A file whose minimum reader version is beyond this build, as after a rollback to an older release.</summary>
    private static void LeaveNewerDatabase(string path)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE schema_info (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, min_reader_version INTEGER NOT NULL);
                INSERT INTO schema_info VALUES (1, 99, 99);
                """;
            command.ExecuteNonQuery();
        }
    }
}
