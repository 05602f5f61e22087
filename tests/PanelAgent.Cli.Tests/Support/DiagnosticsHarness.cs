using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PanelAgent.Core.Engine;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Diagnostics;
using PanelAgent.Options;
using PanelAgent.Privacy;
using PanelAgent.Runtime;
using PanelAgent.Simulation;

namespace PanelAgent.Cli.Tests.Support;

/// <summary>
/// sim-villa in process with the real technician socket: the real <see cref="PanelRuntime"/> (SQLite in a temp
/// folder) on the simulated board, a virtual clock, and <see cref="DiagnosticsServer"/> on a socket in the temp
/// folder. panelctl runs in process against it (<see cref="RunAsync"/>), so its outputs are deterministic.
/// </summary>
internal sealed class DiagnosticsHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset VirtualStart = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static string ConfigPath { get; } = Path.Combine(AppContext.BaseDirectory, "panels", "sim-villa.json");

    private readonly TempDirectory _dir = new();
    private readonly CancellationTokenSource _stop = new();
    private DiagnosticsServer? _server;
    private Task _serving = Task.CompletedTask;

    private DiagnosticsHarness(ILinkDiagnostics? link, ICameraDiagnostics? cameras, string? techGroup)
    {
        Overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Storage:Path"] = _dir.Combine("panel.db"),
            ["Panel:Codes:PepperPath"] = _dir.Combine("pepper"),
            ["Diagnostics:SocketPath"] = _dir.Combine("d.sock"),
            ["Diagnostics:TechGroup"] = techGroup ?? PrimaryGroupName(),
        };
        Config = ConfigLoader.Load(ConfigPath, Overrides);
        Board = new SimulatedHardwareSource(Config, Time, NullLoggerFactory.Instance);
        Runtime = PanelRuntime.Start(Config, Board.Open(), Time, NullLoggerFactory.Instance);
        Holder.Runtime = Runtime;
        Privacy = new RuntimePrivacy(Holder);
        Logs = new RingLoggerProvider(Time);
        Runtime.Panel.EventRaised += new AccessLogRecorder(Privacy).OnEvent;
        Context = new DiagnosticsContext(Holder, Config, Privacy, new PrivacyRights(Holder, Privacy, Config, Time), Logs,
            new AgentInfo("1.0.0-test", VirtualStart), Time)
        {
            Link = link, Cameras = cameras, ConfigPath = ConfigPath, ConfigOverrides = Overrides,
        };
    }

    public FakeTimeProvider Time { get; } = new(VirtualStart);

    public Dictionary<string, string?> Overrides { get; }

    public PanelConfig Config { get; }

    public SimulatedHardwareSource Board { get; }

    public PanelRuntime Runtime { get; }

    public RuntimeHolder Holder { get; } = new();

    public RuntimePrivacy Privacy { get; }

    public RingLoggerProvider Logs { get; }

    public DiagnosticsContext Context { get; }

    public string Directory => _dir.FullPath;

    public string SocketPath => Config.Diagnostics.SocketPath;

    public string DatabasePath => Config.Storage.Path;

    public static DiagnosticsHarness Start(ILinkDiagnostics? link = null, ICameraDiagnostics? cameras = null, string? techGroup = null)
    {
        var harness = new DiagnosticsHarness(link, cameras, techGroup);
        harness._server = new DiagnosticsServer(harness.Config.Diagnostics, new DiagnosticsCommands(harness.Context),
            harness.Privacy, harness.Context, NullLogger.Instance);
        harness._server.Start();
        harness._serving = harness._server.RunAsync(harness._stop.Token);
        return harness;
    }

    /// <summary>panelctl in process: the arguments plus <c>--socket</c>, with empty input.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public async Task<CliRun> RunWithInputAsync(string stdin, params string[] args)
    {
        var (run, done) = Launch(stdin, args);
        await done;
        return run;
    }

    /// <summary>Starts panelctl and returns at once: for the walk test, whose output the test reads as it comes.</summary>
    public (CliRun Run, Task Done) Launch(string stdin, params string[] args)
    {
        var run = new CliRun();
        var done = Task.Run(async () =>
            run.ExitCode = await PanelCtl.RunAsync([.. args, "--socket", SocketPath], run.Out, run.Err, new StringReader(stdin)));
        return (run, done);
    }

    /// <summary>A household's week in miniature: user 4 with a label, an arming, a disarm, a fire alarm and its cancel.</summary>
    public void SeedHousehold()
    {
        var keypad = Runtime.Keypad;
        keypad.TryEnrol(SyntheticHousehold.LabelledUser, SyntheticHousehold.Label, SyntheticHousehold.LabelledCode, false, out var user);
        Runtime.Store.Save(user!);
        Advance(TimeSpan.FromMinutes(1));
        Runtime.Panel.EnterCode(SyntheticHousehold.UserCode, KeypadAction.ArmIn(ArmMode.Away));
        Advance(Config.Panel.ExitDelay + TimeSpan.FromSeconds(1));
        Advance(TimeSpan.FromHours(2));
        Runtime.Panel.EnterCode(SyntheticHousehold.LabelledCode, KeypadAction.Disarm);
        Advance(TimeSpan.FromMinutes(5));
        SetZone("kitchen-smoke", ZoneCondition.Active);
        Advance(TimeSpan.FromSeconds(20));
        Runtime.Panel.EnterCode(SyntheticHousehold.UserCode, KeypadAction.Disarm);
        SetZone("kitchen-smoke", ZoneCondition.Normal);
        Advance(TimeSpan.FromMinutes(1));
        var logger = Logs.CreateLogger("PanelAgent.Runtime.PanelRuntime");
        logger.Log(LogLevel.Information, new EventId(4005), "Panel ready in Disarmed: 11 zones, 4 users", null, (s, _) => s);
        logger.Log(LogLevel.Warning, new EventId(4001), "The event log was damaged and moved aside", null, (s, _) => s);
    }

    /// <summary>Sets a zone on the board and lets its debounce pass, as the panel's input loop would.</summary>
    public void SetZone(string zone, ZoneCondition condition)
    {
        Board.Board.SetZone(zone, condition);
        Runtime.Pump.ProcessPending();
        Advance(Config.Panel.Zones.Single(z => z.Id == zone).Debounce);
    }

    public void Advance(TimeSpan by)
    {
        Time.Advance(by);
        Runtime.Pump.ProcessPending();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving;
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Runtime.Stop();
        Board.Dispose();
        _stop.Dispose();
        _dir.Dispose();
    }

    /// <summary>The name of this process's primary group, so the harness admits the test user whoever runs it.</summary>
    private static string PrimaryGroupName()
    {
        var gid = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Gid:", StringComparison.Ordinal))
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
        return File.ReadLines("/etc/group").Select(l => l.Split(':')).First(f => f.Length > 2 && f[2] == gid)[0];
    }
}
