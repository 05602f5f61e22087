using PanelAgent.Core.Codes;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.Inputs;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Retention;
using PanelAgent.Core.State;
using PanelAgent.Hardware;
using PanelAgent.Options;
using PanelAgent.Storage;

namespace PanelAgent.Runtime;

/// <summary>
/// One running panel: the store, the keypad, the engine, the input pump and supervisor, and retention, wired in the
/// start-up order the issue demands: open and migrate storage, resume the persisted state (outputs included),
/// and only then open the inputs. Used by the host and by the scenario runner's simulation target alike.
/// </summary>
public sealed class PanelRuntime : IDisposable
{
    private readonly PanelHardware _hardware;
    private readonly TimeProvider _time;

    private PanelRuntime(PanelHardware hardware, TimeProvider time, IPanelStore store, Keypad keypad, InputPump pump, AlarmPanel panel,
        InputSupervisor supervisor, RetentionScheduler retention)
    {
        _hardware = hardware;
        _time = time;
        Store = store;
        Keypad = keypad;
        Pump = pump;
        Panel = panel;
        Supervisor = supervisor;
        Retention = retention;
    }

    /// <summary>The SQLite store, or an <see cref="UnavailableStore"/> when the database could not be opened.</summary>
    public IPanelStore Store { get; }

    public Keypad Keypad { get; }

    public InputPump Pump { get; }

    public AlarmPanel Panel { get; }

    public InputSupervisor Supervisor { get; }

    public RetentionScheduler Retention { get; }

    /// <summary>Debounced zone changes as they happen, for panelctl (zones, walk-test).</summary>
    public ZoneActivity ZoneActivity { get; private init; } = null!;

    /// <summary>Starts a panel on <paramref name="hardware"/>; the runtime owns the hardware from here on.</summary>
    public static PanelRuntime Start(
        PanelConfig config, PanelHardware hardware, TimeProvider time, ILoggerFactory loggers,
        Action<PanelEvent>? observer = null)
    {
        var logger = loggers.CreateLogger<PanelRuntime>();
        var opened = OpenStore(config, time, loggers, logger);
        IPanelStore store = opened is null ? new UnavailableStore("the database could not be opened") : opened.Store;
        var keypad = OpenKeypad(config.Panel, store, logger);
        var state = store.LoadState() ?? PanelState.Initial;
        var settings = config.ToEngineSettings();

        AlarmPanel? panel = null;
        var activity = new ZoneActivity(time);
        // The alarm first; the technician's view of zone changes (walk test, last change) after, and it never throws.
        var pump = new InputPump(settings.Zones.Values, time, config.Hardware.QueueCapacity, t =>
        {
            panel?.Handle(t);
            activity.Observe(t);
        });
        panel = new AlarmPanel(new AlarmEngine(settings), store, hardware.Outputs, keypad,
            new PanelServices(time, loggers.CreateLogger<AlarmPanel>(), () => pump.Conditions, state));

        if (observer is not null)
        {
            panel.EventRaised += observer; // before Resume, so the events of start-up are seen too
        }

        // Persisted state first, before any input is opened: delays that ran out while off end now, outputs resume.
        panel.Resume();
        ReportStorageProblems(opened, panel, logger);
        var retention = new RetentionScheduler(store, config.ToRetentionPolicy(), time);
        if (retention.Run() is { } pruned)
        {
            RuntimeLog.Pruned(logger, pruned.ArmLogRemoved, pruned.AlarmHistoryRemoved);
        }

        // Then the inputs: claim, read once, take the read levels as the starting point, decide open zones.
        hardware.Inputs.Open(pump);
        RuntimeLog.InputsOpened(logger, hardware.Inputs.Description);
        pump.Seed(hardware.Inputs.ReadAll());
        panel.ResumeInputs(pump.Conditions);
        var supervisor = new InputSupervisor(hardware.Inputs, pump, config.Hardware.RereadInterval, time);
        supervisor.Start();
        RuntimeLog.Ready(logger, panel.State.Phase.ToString(), settings.Zones.Count, keypad.Count);
        return new PanelRuntime(hardware, time, store, keypad, pump, panel, supervisor, retention) { ZoneActivity = activity };
    }

    /// <summary>
    /// P10: a user changes their own code, proving the old one. The new hash is stored before <c>code.changed</c> is
    /// logged; a wrong old code counts towards the lock-out like any wrong code.
    /// </summary>
    public CodeChangeResult ChangeCode(int user, string oldCode, string newCode)
    {
        if (Panel.State.Lockout.IsLocked(_time.GetUtcNow()))
        {
            return CodeChangeResult.WrongOldCode;
        }

        var result = Keypad.ChangeCode(user, oldCode, newCode, out var updated);
        if (result == CodeChangeResult.WrongOldCode)
        {
            Panel.Handle(new WrongCode());
        }
        else if (updated is not null)
        {
            Store.Save(updated);
            Panel.Handle(new CodeChangedTrigger(user));
        }

        return result;
    }

    /// <summary>A clean stop: held events are written if storage allows, then everything is released.</summary>
    public void Stop()
    {
        Panel.Flush();
        Dispose();
    }

    public void Dispose()
    {
        Supervisor.Dispose();
        Retention.Dispose();
        Panel.Dispose();
        Pump.Dispose();
        _hardware.Dispose();
        Store.Dispose();
    }

    /// <summary>
    /// Opens the database; null when it cannot be opened at all. A damaged file is quarantined by the opener; any other
    /// failure (read-only medium, permissions, a newer release's file) must not keep the panel from guarding the house,
    /// so it runs on without a log and reports trouble.storage.
    /// </summary>
    private static StoreOpenResult? OpenStore(PanelConfig config, TimeProvider time, ILoggerFactory loggers, ILogger logger)
    {
        try
        {
            return SqliteStoreOpener.Open(config.Storage, time, loggers.CreateLogger<SqliteEventStore>());
        }
        catch (Exception ex) when (ex is StorageUnavailableException or SchemaTooNewException)
        {
            RuntimeLog.StoreUnavailable(logger, ex);
            return null;
        }
    }

    private static Keypad OpenKeypad(PanelOptions options, IPanelStore store, ILogger logger)
    {
        var hasher = new CodeHasher(PepperFile.LoadOrCreate(options.Codes.PepperPath), options.Codes.HashIterations);
        var keypad = new Keypad(hasher, options.Grade);
        var users = store.LoadUsers();
        keypad.Load(users);
        if (users.Count == 0 && options.Users.Count > 0)
        {
            Provision(options, store, keypad, logger);
        }

        return keypad;
    }

    private static void Provision(PanelOptions options, IPanelStore store, Keypad keypad, ILogger logger)
    {
        var enrolled = 0;
        foreach (var user in options.Users)
        {
            var refusal = keypad.TryEnrol(user.Number, null, user.Code, user.Duress, out var record);
            if (record is null)
            {
                RuntimeLog.ProvisionRefused(logger, user.Number, refusal ?? "refused");
                continue;
            }

            store.Save(record);
            enrolled++;
        }

        RuntimeLog.Provisioned(logger, enrolled);
    }

    private static void ReportStorageProblems(StoreOpenResult? opened, AlarmPanel panel, ILogger logger)
    {
        if (opened?.QuarantinedTo is { } moved)
        {
            RuntimeLog.Quarantined(logger, moved);
        }

        if (opened?.Store.StateUnreadable == true)
        {
            RuntimeLog.StateUnreadable(logger);
        }

        if (opened is null || opened.Quarantined || opened.Store.StateUnreadable)
        {
            panel.Handle(new TroubleChanged(TroubleKinds.Storage, null, Raised: true));
        }
    }
}
