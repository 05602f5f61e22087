using System.Device.Gpio;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Station.Provisioning;
using PanelAgent.Hil.Rig;
using PanelAgent.Hil.Tests.Fakes;
using PanelAgent.Options;
using PanelAgent.Simulation;
using PanelAgent.TestSupport;

namespace PanelAgent.Hil.Tests.Rig;

/// <summary>
/// The rig target's back-to-back bench: a real Mosquitto on 127.0.0.1 with the test PKI and the shipped ACL; the
/// panel-agent host in-process (the same services as the process, <c>--simulate</c>, with the station link) whose
/// simulated board is soldered to the rig's GPIO chip by <see cref="WiredRigDriver"/> as
/// <c>hardware/rig/villa-rig.json</c> says; and the rig target reading the panel through its own panel-station.
/// Panel, station and rig share a <see cref="ScaledTimeProvider"/>, so a 30 s exit delay takes 30 s / <see cref="Speed"/>.
/// </summary>
public sealed class BackToBackBench : IAsyncLifetime
{
    /// <summary>
    /// Fast enough to keep the run near a minute, slow enough that the one-second margins of the scenarios (exit delay
    /// 30 s, advance 31 s) stay a quarter of a second of real time, which a loaded CI machine's timers keep.
    /// </summary>
    public const double Speed = 4;

    /// <summary>The test PKI issues certificates for panel-a; the link speaks as panel-a.</summary>
    private const string PanelId = "panel-a";

    private readonly ScaledTimeProvider _clock = new(Speed);
    private readonly string _directory = Directory.CreateTempSubdirectory("pa-rig-b2b-").FullName;
    private TestPki? _pki;
    private MosquittoBroker? _broker;
    private IHost? _host;
    private SimulatedHardwareSource? _board;

    public RigTargetFactory? Targets { get; private set; }

    public RigMap Map { get; private set; } = null!;

    public StringWriter Diagnostics { get; } = new();

    public static string Villa => RepoPaths.Find(Path.Combine("hardware", "panels", "sim-villa.json"));

    public async Task InitializeAsync()
    {
        _pki = new TestPki();
        _broker = await MosquittoBroker.StartAsync(_pki);
        WriteKeys(_pki);
        Map = RigMapLoader.Load(WriteRigMap(WriteStationConfig(_pki, _broker.Port)));
        var config = StartPanel(WritePanelConfig(_pki, _broker.Port));
        var board = _board!.Board;
        Targets = new RigTargetFactory(Map, _ => new GpioController(new WiredRigDriver(Map, config.Hardware, board)), _clock, Diagnostics);
    }

    public async Task DisposeAsync()
    {
        await (Targets?.DisposeAsync() ?? ValueTask.CompletedTask);
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        _board?.Dispose();
        await (_broker?.DisposeAsync() ?? ValueTask.CompletedTask);
        _pki?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private PanelConfig StartPanel(string configPath)
    {
        var args = new AgentArguments { ConfigPath = configPath, Simulate = true, DataDirectory = Path.Combine(_directory, "data") };
        Directory.CreateDirectory(args.DataDirectory);
        var config = ConfigLoader.Load(configPath, args.ConfigOverrides());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true, ContentRootPath = _directory });
        builder.Services.AddPanelAgent(config, args);

        // Registered after AddPanelAgent, so they win: the bench's clock, and a board the rig can be wired to.
        builder.Services.AddSingleton<TimeProvider>(_clock);
        _board = new SimulatedHardwareSource(config, _clock, NullLoggerFactory.Instance);
        builder.Services.AddSingleton(_board);
        _host = builder.Build();
        _host.Start();
        return config;
    }

    private static void WriteKeys(TestPki pki) => LabProvisioning.WriteKeys(PanelId, pki.Write);

    /// <summary>sim-villa with the link sections; link deadlines long, since the bench's clock runs fast.</summary>
    private string WritePanelConfig(TestPki pki, int port)
    {
        var config = JsonNode.Parse(File.ReadAllText(Villa))!.AsObject();
        config["Link"] = new JsonObject
        {
            ["PanelId"] = PanelId,
            ["Brokers"] = new JsonArray(new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = port }),
            ["CaFile"] = pki.PathOf("ca.pem"),
            ["ClientCertFile"] = pki.CertFile(PanelId),
            ["ClientKeyFile"] = pki.KeyFile(PanelId),
            ["KeepAlive"] = "00:00:05",
            ["ConnectTimeout"] = "00:01:00",
            ["PublishDeadline"] = "00:01:00",
            ["BackoffMin"] = "00:00:00.500",
            ["BackoffMax"] = "00:00:05",
        };
        config["Uplink"] = new JsonObject { ["AckTimeout"] = "00:00:10", ["PollInterval"] = "00:00:00.500" };
        config["LinkKeys"] = new JsonObject
        {
            ["KeysFile"] = pki.PathOf("panel-keys.json"),
            ["StationPublicKeyFile"] = pki.PathOf("signing.pub.pem"),
        };
        var path = Path.Combine(_directory, "panel.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    private string WriteStationConfig(TestPki pki, int port)
    {
        var station = new JsonObject
        {
            ["host"] = "127.0.0.1",
            ["port"] = port,
            ["clientId"] = "station",
            ["caFile"] = pki.PathOf("ca.pem"),
            ["certFile"] = pki.CertFile("station"),
            ["certKeyFile"] = pki.KeyFile("station"),
            ["keysFile"] = pki.PathOf("station-keys.json"),
            ["signingKeyFile"] = pki.PathOf("signing.key"),
            ["database"] = "station.db",
            ["minBackoff"] = "00:00:00.050",
            ["maxBackoff"] = "00:00:01",
            ["pingInterval"] = "00:00:00.200",
        };
        var path = Path.Combine(_directory, "station.json");
        File.WriteAllText(path, station.ToJsonString());
        return path;
    }

    /// <summary>The shipped map, with this bench's panel file, link id and station, and waits fit for a fast clock.</summary>
    private string WriteRigMap(string stationConfig)
    {
        var map = JsonNode.Parse(File.ReadAllText(RepoPaths.Find(Path.Combine("hardware", "rig", "villa-rig.json"))))!.AsObject();
        map["panel"] = Villa;
        map["panelId"] = PanelId;
        map["station"] = stationConfig;
        map["gpio"] = new JsonObject { ["driver"] = "auto" };
        map["advanceCap"] = "PT5M";
        map["deliveryGrace"] = "PT5S";
        map["commandTimeout"] = "PT2M";
        var path = Path.Combine(_directory, "rig.json");
        File.WriteAllText(path, map.ToJsonString());
        return path;
    }
}
