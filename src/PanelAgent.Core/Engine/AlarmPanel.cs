using Microsoft.Extensions.Logging;
using PanelAgent.Core.Codes;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Engine;

/// <summary>
/// The panel's event pipeline: trigger → <see cref="AlarmEngine.Decide"/> → persist (events and state in one
/// transaction) → act (outputs) → tell observers. All triggers are handled one at a time under one lock. When storage
/// fails the decision still stands: events are held in memory, trouble.storage is raised, and the outputs act anyway,
/// because an alarm is never blocked by storage.
/// </summary>
public sealed class AlarmPanel : IDisposable
{
    private readonly AlarmEngine _engine;
    private readonly IEventStore _store;
    private readonly OutputDriver _outputs;
    private readonly Keypad _keypad;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<IReadOnlyDictionary<string, ZoneCondition>> _conditions;
    private readonly UnsavedEvents _unsaved = new();
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private PanelState _state;

    public AlarmPanel(
        AlarmEngine engine, IEventStore store, IPanelOutputs outputs, Keypad keypad, PanelServices services)
    {
        _engine = engine;
        _store = store;
        _keypad = keypad;
        _time = services.Time;
        _logger = services.Logger;
        _conditions = services.Conditions;
        _outputs = new OutputDriver(outputs);
        _state = services.InitialState;
        _timer = _time.CreateTimer(_ => Handle(new Tick()), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised after each event is persisted (or held) and acted on. Observers must be quick.</summary>
    public event Action<PanelEvent>? EventRaised;

    public PanelState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Events decided but not yet durable because storage failed.</summary>
    public int UnsavedCount => _unsaved.Count;

    /// <summary>Monotonic timestamp of the last trigger handled; the watchdog checks the engine by it.</summary>
    public long LastActivity { get; private set; }

    /// <summary>
    /// Resumes after start-up, before inputs are opened: lets time catch up (a delay that ran out while the power was
    /// off ends now) and sets the outputs from the persisted state.
    /// </summary>
    public void Resume()
    {
        Handle(new Tick());
        lock (_gate)
        {
            ApplyOutputs();
            PanelLog.Resumed(_logger, _state.Phase.ToString(), _state.Armed);
        }
    }

    /// <summary>
    /// Once inputs are open and read: zones found open are treated as if they had just opened (rules in
    /// docs/engine.md), and troubles whose zone is now normal are restored.
    /// </summary>
    public void ResumeInputs(IReadOnlyDictionary<string, ZoneCondition> zones)
    {
        foreach (var (zoneId, condition) in zones.OrderBy(z => z.Key, StringComparer.Ordinal))
        {
            var previous = BootRules.PreviousCondition(State, zoneId, condition, _engine.Settings);
            if (previous != condition)
            {
                Handle(new ZoneChanged(zoneId, previous, condition));
            }
        }
    }

    /// <summary>True when the engine takes its lock within <paramref name="timeout"/>: it is not stuck.</summary>
    public bool Ping(TimeSpan timeout)
    {
        if (!_gate.TryEnter(timeout))
        {
            return false;
        }

        _gate.Exit();
        return true;
    }

    /// <summary>A code entered at the keypad (or by a scenario): verified, then handed to the engine.</summary>
    public KeypadOutcome EnterCode(string code, KeypadAction action)
    {
        if (State.Lockout.IsLocked(_time.GetUtcNow()))
        {
            PanelLog.Locked(_logger);
            return KeypadOutcome.Locked;
        }

        // Hashing is slow on purpose; it runs outside the lock so inputs keep flowing meanwhile.
        var user = _keypad.Identify(code);
        if (user is null)
        {
            Handle(new WrongCode());
            PanelLog.WrongCode(_logger, State.Lockout.WrongInARow);
            return KeypadOutcome.WrongCode;
        }

        Handle(action.Arm
            ? new ArmRequested(user.Number, action.Mode, action.Bypass)
            : new DisarmRequested(user.Number, user.IsDuress));
        return KeypadOutcome.Accepted;
    }

    /// <summary>Decides, persists, acts. Safe from any thread; never throws for storage or output trouble.</summary>
    public void Handle(Trigger trigger)
    {
        lock (_gate)
        {
            LastActivity = _time.GetTimestamp();
            if (!_engine.IsHandled(_state.Phase, trigger))
            {
                PanelLog.Ignored(_logger, trigger.GetType().Name, _state.Phase.ToString());
                return;
            }

            var events = Decide(trigger);
            Persist(events);
            ApplyOutputs(events);
            ScheduleTick();
            Publish(events);
        }
    }

    /// <summary>
    /// Decides the trigger, then lets time catch up inline when a deadline is already due (e.g. a zero exit delay),
    /// so that events reach observers in order and no timer fires re-entrantly.
    /// </summary>
    private List<PanelEvent> Decide(Trigger trigger)
    {
        var now = _time.GetUtcNow();
        var decision = _engine.Decide(_state, trigger, now, _conditions());
        var events = new List<PanelEvent>(decision.Events);
        _state = decision.Next;
        for (var i = 0; i < 4 && _state.NextDeadline is { } due && due <= now; i++)
        {
            decision = _engine.Decide(_state, new Tick(), now, _conditions());
            events.AddRange(decision.Events);
            _state = decision.Next;
        }

        return events;
    }

    /// <summary>Retries writing held events (called periodically by the host and on a clean stop).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_unsaved.Count > 0)
            {
                var events = new List<PanelEvent>();
                Persist(events);
                Publish(events);
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Persist(List<PanelEvent> events)
    {
        var batch = _unsaved.Take(events);
        try
        {
            _store.Commit(batch, _state);
            if (batch.Count > events.Count)
            {
                PanelLog.StorageRecovered(_logger, batch.Count - events.Count);
                Follow(new TroubleChanged(TroubleKinds.Storage, null, Raised: false), events, persistNow: true);
            }
        }
        catch (StorageUnavailableException ex)
        {
            _unsaved.Hold(batch, _logger);
            PanelLog.StorageFailed(_logger, ex, _unsaved.Count);
            Follow(new TroubleChanged(TroubleKinds.Storage, null, Raised: true), events, persistNow: false);
        }
    }

    /// <summary>Applies a follow-up trigger caused by the pipeline itself (storage or output trouble).</summary>
    private void Follow(Trigger trigger, List<PanelEvent> events, bool persistNow)
    {
        var decision = _engine.Decide(_state, trigger, _time.GetUtcNow(), _conditions());
        if (decision.Events.Count == 0)
        {
            return;
        }

        _state = decision.Next;
        events.AddRange(decision.Events);
        if (persistNow)
        {
            Persist([.. decision.Events]);
        }
        else
        {
            _unsaved.Hold(decision.Events, _logger);
        }
    }

    private void ApplyOutputs(List<PanelEvent>? events = null)
    {
        foreach (var (output, on) in _outputs.Apply(_state))
        {
            PanelLog.OutputFailed(_logger, output.ToString(), on);
            if (events is not null)
            {
                Follow(new TroubleChanged(TroubleKinds.Output, output.ToString().ToLowerInvariant(), true), events, true);
            }
        }
    }

    private void ScheduleTick()
    {
        var due = _state.NextDeadline is { } at ? at - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
        if (due != Timeout.InfiniteTimeSpan && due < TimeSpan.FromMilliseconds(1))
        {
            due = TimeSpan.FromMilliseconds(1); // never zero: a zero timer could fire re-entrantly under a fake clock
        }

        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Alarms and trouble are logged for the technician; arm/disarm only at debug level, because journald would keep
    /// a record of the household's habits longer than the 3 months of P7.
    /// </summary>
    private void LogEvent(PanelEvent e)
    {
        if (e.Category == EventCategory.AlarmHistory)
        {
            PanelLog.Event(_logger, e.Kind, e.Zone);
        }
        else
        {
            PanelLog.RoutineEvent(_logger, e.Kind);
        }
    }

    private void Publish(List<PanelEvent> events)
    {
        foreach (var e in events)
        {
            LogEvent(e);
            try
            {
                EventRaised?.Invoke(e);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                PanelLog.ObserverFailed(_logger, ex);
            }
        }
    }
}
