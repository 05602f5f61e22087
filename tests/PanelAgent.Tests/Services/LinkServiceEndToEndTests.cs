using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Station.Commands;
using PanelAgent.Station.Configuration;
using PanelAgent.Station.Mqtt;
using PanelAgent.Station.Receiving;
using PanelAgent.TestSupport;
using PanelAgent.Tests.Support;
using Xunit.Abstractions;

namespace PanelAgent.Tests.Services;

/// <summary>
/// Issue 3's SIGKILL check end to end: a real Mosquitto with the shipped ACL, the reference station in-process, and
/// panel-agent as a real process storming mains. The agent is killed mid-stream and restarted without the storm;
/// once its outbox is empty, every event in its database is at the station exactly once.
/// </summary>
[Collection(AgentProcessCollection.Name)]
public sealed class LinkServiceEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private const int EventsBeforeKill = 60;
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task RunAsync_SigkillDuringStormThenRestart_StationGetsEveryPersistedEventOnce()
    {
        var clock = Stopwatch.StartNew();
        using var pki = new TestPki();
        await using var broker = await MosquittoBroker.StartAsync(pki);
        using var rig = new LinkRig(pki);
        var stationOutput = new CapturingWriter();
        await using var station = PanelStation.Create(StationOptions(pki, broker.Port), stationOutput, TextWriter.Null);
        station.Start();
        await station.Subscribed.WaitAsync(s_timeout);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: broker and station up");

        var config = rig.Config(broker.Port);
        SimVilla.Zone(config, "mains")["Debounce"] = "00:00:00";
        var configPath = SimVilla.Write(config, _dir.Combine("panel.json"));
        var data = _dir.Combine("data");
        var database = Path.Combine(data, "panel.db");

        using (var agent = AgentProcess.Start(_dir.FullPath,
            ["--config", configPath, "--simulate", "--data", data, "--storm", "mains", "--storm-interval", "2"],
            CommitLine.LoggingEnvironment))
        {
            await agent.WaitForLineAsync(l => CommitLine.Parse(l) is { Last: >= EventsBeforeKill }, s_timeout);
            // Some of the stream reached the station before the kill, so the restart resends a mix of acked and not.
            await stationOutput.WhenLinesAsync(20).WaitAsync(s_timeout);
            agent.KillHard();
            Assert.Equal(128 + 9, await agent.WaitForExitAsync(s_timeout));
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed; {PendingCount(database)} rows pending, " +
            $"{stationOutput.Lines.Count} lines at the station");

        using (var agent = AgentProcess.Start(_dir.FullPath, ["--config", configPath, "--simulate", "--data", data]))
        {
            await agent.WaitForLineAsync(AgentProgramTests.IsReadyLine, s_timeout);
            await WaitUntilAsync(() => PendingCount(database) == 0, s_timeout, () => agent.AllOutput);
            agent.Terminate();
            Assert.Equal(ExitCodes.Ok, await agent.WaitForExitAsync(s_timeout));
        }

        var persisted = DatabaseSnapshot.Read(database).Events.Select(e => e.Sequence).ToList();
        var lines = stationOutput.Lines.Select(Parse).Where(l => l.Panel == LinkRig.PanelId).ToList();
        var received = lines.Where(l => l.Seq >= 0).Select(l => l.Seq).ToList();
        // The station's own lines: the kill left the broker to publish the panel's sealed will, the restart brought
        // the panel back, and the clean stop at the end asked the broker to publish the will again.
        // (Restored by whichever came first after the restart: its online status or a resent event.)
        Assert.Equal(["panel.lost:will", "panel.restored", "panel.lost:will"], lines.Where(l => l.Seq < 0)
            .Select(l => l.Type == "panel.lost" ? $"{l.Type}:{l.Detail}" : l.Type));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {persisted.Count} events persisted, {received.Count} received");
        var twice = received.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).Take(10).ToList();
        Assert.True(twice.Count == 0, $"printed more than once: {string.Join(", ", twice)}");
        var missing = persisted.Except(received).Take(10).ToList();
        Assert.True(missing.Count == 0, $"persisted but never at the station: {string.Join(", ", missing)}");
        Assert.Empty(received.Except(persisted));
        Assert.True(persisted.Count >= EventsBeforeKill, $"only {persisted.Count} events persisted");
    }

    [Fact]
    public async Task StationCommands_ArmThenStatus_CarriedOutAndAnsweredThroughTheOutbox()
    {
        using var pki = new TestPki();
        await using var broker = await MosquittoBroker.StartAsync(pki);
        using var rig = new LinkRig(pki);
        var stationOutput = new CapturingWriter();
        var options = StationOptions(pki, broker.Port);
        await using var station = PanelStation.Create(options, stationOutput, TextWriter.Null);
        station.Start();
        await station.Subscribed.WaitAsync(s_timeout);
        var configPath = SimVilla.Write(rig.Config(broker.Port), _dir.Combine("panel.json"));

        using var agent = AgentProcess.Start(_dir.FullPath, ["--config", configPath, "--simulate", "--data", _dir.Combine("data")]);
        await agent.WaitForLineAsync(AgentProgramTests.IsReadyLine, s_timeout);
        // The panel's online status says it is listening (its command subscription is made before it announces).
        await WaitUntilAsync(() => Lines(stationOutput).Count > 0 || station.Counters[StationCounters.Heartbeat] > 0,
            s_timeout, () => agent.AllOutput);
        Assert.True(await StationCommandSender.SendAsync(options, LinkRig.PanelId,
            new CommandPayload("c-arm", CommandNames.Arm, Mode: "away"), TextWriter.Null));
        await WaitUntilAsync(() => Lines(stationOutput).Any(l => l.Detail == "arm:c-arm"), s_timeout, () => agent.AllOutput);
        Assert.True(await StationCommandSender.SendAsync(options, LinkRig.PanelId,
            new CommandPayload("c-status", CommandNames.Status), TextWriter.Null));
        await WaitUntilAsync(() => Lines(stationOutput).Any(l => l.Detail?.StartsWith("status:c-status:", StringComparison.Ordinal) == true),
            s_timeout, () => agent.AllOutput);
        // The household's P11 export asked for by the station stays on the panel; an update while armed is refused.
        Assert.True(await StationCommandSender.SendAsync(options, LinkRig.PanelId,
            new CommandPayload("c-export", CommandNames.PrivacyExport), TextWriter.Null));
        Assert.True(await StationCommandSender.SendAsync(options, LinkRig.PanelId,
            new CommandPayload("c-update", CommandNames.Update, Bundle: "panelagent-9.9.9-linux-x64"), TextWriter.Null));
        await WaitUntilAsync(() => Lines(stationOutput).Any(l => l.Detail?.StartsWith("update:c-update:", StringComparison.Ordinal) == true),
            s_timeout, () => agent.AllOutput);
        // panelctl's link-test over the technician socket: a heartbeat out of turn, acknowledged by the station.
        var linkTest = await TechnicianRequestAsync(_dir.Combine("data", "diag.sock"), "{\"command\":\"link-test\"}");
        agent.Terminate();
        await agent.WaitForExitAsync(s_timeout);

        using (var answer = JsonDocument.Parse(linkTest))
        {
            Assert.True(answer.RootElement.GetProperty("ok").GetBoolean(), linkTest);
            Assert.True(answer.RootElement.GetProperty("result").GetProperty("acknowledged").GetBoolean(), linkTest);
        }

        var lines = Lines(stationOutput);
        Assert.Contains(lines, l => l is { Type: "command.accepted", Detail: "arm:c-arm" });
        Assert.Contains(lines, l => l is { Type: "exit.started", User: 0 });
        Assert.Contains(lines, l => l.Type == "command.accepted" && l.Detail!.StartsWith("status:c-status:phase=exit-delay;", StringComparison.Ordinal));
        var export = lines.Single(l => l.Type == "command.accepted" && l.Detail!.StartsWith("privacy.export:c-export:file=", StringComparison.Ordinal));
        var exportFile = export.Detail!["privacy.export:c-export:file=".Length..export.Detail!.IndexOf(';', StringComparison.Ordinal)];
        Assert.True(File.Exists(_dir.Combine("data", "exports", exportFile)), export.Detail);
        Assert.Contains(lines, l => l is { Type: "command.refused", Detail: "update:c-update:panel-busy:armed" });
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>One request on the agent's technician socket (docs/panelctl.md): the greeting, then the answer line.</summary>
    private static async Task<string> TechnicianRequestAsync(string socketPath, string request)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix,
            System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        await socket.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath));
        await using var stream = new System.Net.Sockets.NetworkStream(socket, ownsSocket: false);
        using var reader = new StreamReader(stream);
        await using var writer = new StreamWriter(stream) { AutoFlush = true };
        var greeting = await reader.ReadLineAsync().WaitAsync(s_timeout);
        Assert.Contains("\"ok\":true", greeting, StringComparison.Ordinal);
        await writer.WriteLineAsync(request);
        return (await reader.ReadLineAsync().WaitAsync(s_timeout))!;
    }

    private static List<(string? Type, string? Detail, int? User)> Lines(CapturingWriter output) =>
        [.. output.Lines.Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var user = root.GetProperty("user");
            return (root.GetProperty("type").GetString(), root.GetProperty("detail").GetString(),
                user.ValueKind == JsonValueKind.Number ? user.GetInt32() : (int?)null);
        })];

    private StationOptions StationOptions(TestPki pki, int port) =>
        LinkRig.StationOptions(pki, port, _dir.Combine("station.db"));

    private static (string? Panel, long Seq, string? Type, string? Detail) Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return (root.GetProperty("panel").GetString(),
            root.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number ? seq.GetInt64() : -1,
            root.GetProperty("type").GetString(), root.GetProperty("detail").GetString());
    }

    /// <summary>Rows neither acknowledged by the station nor dropped by the bounded outbox.</summary>
    private static long PendingCount(string database)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, Mode = SqliteOpenMode.ReadOnly };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events WHERE acked_at IS NULL AND dropped_at IS NULL";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"outbox not empty within {timeout}; agent output:\n{diagnostics()}");
            }

            await Task.Delay(100);
        }
    }
}
