using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PanelAgent.TestSupport;

namespace PanelAgent.Faults;

/// <summary>
/// One fault row's world, all real processes on loopback: Mosquitto with the shipped ACL and a PKI made for the run,
/// a <see cref="FaultProxy"/> on the panel's path to it, panel-station (its stdout lines feed the <see cref="Ledger"/>)
/// and panel-agent --simulate with its simulation control socket. Each row gets a fresh one.
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    private static readonly Dictionary<string, string> s_agentLogging = new(StringComparer.Ordinal)
    {
        // Every trouble event is logged at Information; a storm of them would only cost CPU here.
        ["Logging__LogLevel__PanelAgent.Core"] = "Warning",
    };

    private readonly DirectoryInfo _root;
    private int _stationStarts;

    private FaultRig(FaultSettings settings, DirectoryInfo root, TestPki pki, MosquittoBroker broker, FaultProxy proxy)
    {
        Settings = settings;
        _root = root;
        Pki = pki;
        Broker = broker;
        Proxy = proxy;
        DataDirectory = Path.Combine(root.FullName, "data");
        ConfigPath = RigFiles.WritePanelConfig(settings, pki, proxy.Port, Path.Combine(root.FullName, "panel.json"));
        StationConfigPath = RigFiles.WriteStationConfig(pki, broker.Port, StationDatabase,
            Path.Combine(root.FullName, "station.json"));
    }

    public FaultSettings Settings { get; }

    public TestPki Pki { get; }

    public MosquittoBroker Broker { get; }

    public FaultProxy Proxy { get; }

    public Ledger Ledger { get; } = new();

    public string DataDirectory { get; }

    public string Database => Path.Combine(DataDirectory, "panel.db");

    public string ConfigPath { get; }

    public string StationConfigPath { get; }

    public string StationDatabase => Path.Combine(_root.FullName, "station.db");

    public string ControlPath => Path.Combine(_root.FullName, "sim.sock");

    public ChildProcess? Agent { get; private set; }

    public SimControl? Control { get; private set; }

    public ChildProcess? Station { get; private set; }

    public DiskLimit? Disk { get; private set; }

    /// <summary>The running agent's control; throws when no agent runs.</summary>
    public SimControl Sim => Control ?? throw new InvalidOperationException("no panel-agent is running");

    public static async Task<FaultRig> StartAsync(FaultSettings settings, long? diskBytes = null)
    {
        var root = Directory.CreateTempSubdirectory("pa-faults-");
        var pki = new TestPki();
        RigFiles.WriteKeys(pki);
        var broker = await MosquittoBroker.StartAsync(pki);
        var rig = new FaultRig(settings, root, pki, broker, FaultProxy.Start(broker.Port));
        if (diskBytes is { } bytes)
        {
            rig.Disk = DiskLimit.Create(rig.DataDirectory, bytes);
        }

        await rig.StartStationAsync();
        return rig;
    }

    /// <summary>Starts panel-station with a fresh client id and returns once the broker has its connection.</summary>
    public async Task StartStationAsync()
    {
        var clientId = $"station-{++_stationStarts}";
        var connected = Broker.WhenLoggedAsync($" as {clientId} ");
        Station = ChildProcess.Start(Settings.StationDll, ["--config", StationConfigPath, "--client-id", clientId],
            _root.FullName, onStdout: Ledger.AddStationLine);
        await connected.WaitAsync(Settings.Patience);
    }

    /// <summary>SIGKILL: whatever it had received and not yet acknowledged stays with the panel.</summary>
    public async Task KillStationAsync()
    {
        await Station!.SignalAsync("KILL", Settings.Patience);
        Station.Dispose();
        Station = null;
    }

    /// <summary>Starts panel-agent (optionally storming a zone) and returns the time from start to its ready line.</summary>
    public async Task<TimeSpan> StartAgentAsync(string? stormZone = null, int stormIntervalMs = 2)
    {
        List<string> args = ["--config", ConfigPath, "--simulate", "--data", DataDirectory, "--sim-control", ControlPath];
        if (stormZone is not null)
        {
            args.AddRange(["--storm", stormZone, "--storm-interval", stormIntervalMs.ToString(CultureInfo.InvariantCulture)]);
        }

        Agent = ChildProcess.Start(Settings.AgentDll, args, _root.FullName, s_agentLogging,
            ignoreFileSizeSignal: Disk is not null);
        await Agent.WaitForLineAsync(l => l.Contains("Panel ready", StringComparison.Ordinal), Settings.Patience, "panel-agent ready");
        var ready = Stopwatch.GetElapsedTime(Agent.StartedAt);
        Control = await SimControl.ConnectAsync(ControlPath, Settings.Patience);
        return ready;
    }

    /// <summary>SIGKILL (a power cut, as far as the process can tell); TERM for a clean stop. Returns the exit code.</summary>
    public async Task<int> StopAgentAsync(string signal = "TERM")
    {
        if (Control is not null)
        {
            await Control.DisposeAsync();
            Control = null;
        }

        var code = await Agent!.SignalAsync(signal, Settings.Patience);
        Agent.Dispose();
        Agent = null;
        SqliteConnection.ClearAllPools();
        return code;
    }

    public long MaxSeq() => PanelDatabase.MaxSeq(Database, Agent is not null);

    public long ZoneEvents(string zone) => PanelDatabase.ZoneEvents(Database, Agent is not null, zone);

    public long KindEvents(string kind) => PanelDatabase.KindEvents(Database, Agent is not null, kind);

    /// <summary>Waits (polling the database) until <paramref name="condition"/> holds; false after the patience.</summary>
    public async Task<bool> UntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Settings.Patience)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Records every event now in the panel's database as generated.</summary>
    public long Checkpoint()
    {
        var events = PanelDatabase.Events(Database, Agent is not null);
        Ledger.AddGenerated(events);
        return events.Count == 0 ? 0 : events[^1].Seq;
    }

    /// <summary>
    /// Waits until the station has acknowledged every row up to <paramref name="throughSeq"/> (the station prints
    /// before it acknowledges); returns the time since <paramref name="since"/> (a Stopwatch timestamp).
    /// </summary>
    public async Task<TimeSpan> CaughtUpAsync(long throughSeq, long since, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (PanelDatabase.Unacked(Database, Agent is not null, throughSeq) > 0)
        {
            if (deadline.Elapsed > Settings.Patience)
            {
                throw new TimeoutException($"{what}: rows up to seq {throughSeq} not all acknowledged within " +
                    $"{Settings.Patience.TotalSeconds:F0} s ({PanelDatabase.Unacked(Database, Agent is not null, throughSeq)} left); agent said:\n{Agent?.Tail()}");
            }

            await Task.Delay(50);
        }

        return Stopwatch.GetElapsedTime(since);
    }

    /// <summary>
    /// Ends a row the same way whatever happened in it: everything up again (broker, link, station, disk), the
    /// agent restarted without a storm (a storm is SIGKILLed: SIGTERM during one can abort, docs/broker.md finding
    /// 1) until its outbox is empty, stopped, and its database read into the ledger.
    /// </summary>
    public async Task SettleAsync()
    {
        Disk?.Free();
        Proxy.Restore();
        if (Station is null || Station.HasExited)
        {
            await StartStationAsync();
        }

        if (Agent is not null)
        {
            await StopAgentAsync("KILL");
        }

        try
        {
            await StartAgentAsync();
            await CaughtUpAsync(MaxSeq(), Stopwatch.GetTimestamp(), "settling");
        }
        finally
        {
            // Counted whatever happened: an event that did not get through is lost, not forgotten.
            if (Agent is not null)
            {
                await StopAgentAsync();
            }

            Checkpoint();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Agent is not null)
        {
            await StopAgentAsync("KILL");
        }

        if (Station is not null)
        {
            await KillStationAsync();
        }

        await Proxy.DisposeAsync();
        await Broker.DisposeAsync();
        Disk?.Dispose();
        Pki.Dispose();
        SqliteConnection.ClearAllPools();
        _root.Delete(recursive: true);
    }
}
