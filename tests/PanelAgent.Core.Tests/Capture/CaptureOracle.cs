using PanelAgent.Core.Capture;
using PanelAgent.Core.Events;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Tests.Capture;

/// <summary>
/// An independent statement of PRIVACY.md P1-P5, written as checks over what the policy decided, not as a second
/// policy: every capture must point at a persisted, still-open alarm event that a rule names, every release at a
/// sabotage check with a reason seen, and no request may capture while no alarm is open. Returns null or the breach.
/// </summary>
internal sealed class CaptureOracle(CaptureSettings settings)
{
    private readonly List<StoredEvent> _seen = [];
    private readonly HashSet<string> _ordered = [];
    private readonly Dictionary<long, long> _heldDisarmedAt = []; // held seq → seq of a later disarm (0 = none)
    private readonly HashSet<long> _settled = [];
    private readonly HashSet<long> _clockAfterDisarm = [];

    public string? Check(CaptureInput input, IReadOnlyList<CaptureDecision> decisions, DateTimeOffset now, bool restricted)
    {
        var problem = CheckRequest(input, decisions, now) ?? CheckCompleteness(input, decisions, restricted, now);
        foreach (var decision in decisions)
        {
            problem ??= decision switch
            {
                CaptureOrder o => CheckOrder(o, input, now, restricted),
                ReleaseHeld r => CheckRelease(r, input),
                DiscardHeld d => _heldDisarmedAt.ContainsKey(d.AlarmSeq) && _settled.Add(d.AlarmSeq)
                    ? null : $"discard of {d.AlarmSeq} that holds nothing",
                _ => null,
            };
        }

        Record(input);
        return problem;
    }

    private string? CheckOrder(CaptureOrder o, CaptureInput input, DateTimeOffset now, bool restricted)
    {
        if (restricted)
        {
            return $"capture {o} while restricted (P11)";
        }

        var e = _seen.FirstOrDefault(s => s.Sequence == o.AlarmSeq)
            ?? (input is EventPersisted p && p.Stored.Sequence == o.AlarmSeq ? p.Stored : null);
        if (e is null || !IsOpen(e, now))
        {
            return $"capture {o} for no open alarm event (P5)";
        }

        if (!_ordered.Add($"{o.AlarmSeq}/{o.Camera}/{o.Reason}"))
        {
            return $"capture {o} twice";
        }

        if (o.Held != (o.Reason == CaptureReason.Sabotage))
        {
            return $"capture {o}: only sabotage-check frames are held (P3)";
        }

        var camera = settings.Camera(o.Camera);
        var zone = e.Event.Zone;
        var atTrigger = input is EventPersisted at && at.Stored.Sequence == o.AlarmSeq;
        var justified = camera is not null && o.Reason switch
        {
            CaptureReason.Intrusion => atTrigger && e.Event.Kind == EventKinds.AlarmIntrusion && ZoneIs(zone, ZoneType.CameraPir)
                && (camera.Zone == zone || camera.Follows.Contains(zone!)),
            CaptureReason.Fire => atTrigger && e.Event.Kind == EventKinds.AlarmFire && ZoneIs(zone, ZoneType.Fire)
                && camera.VerifiesFire.Contains(zone!),
            CaptureReason.Panic => atTrigger && e.Event.Kind == EventKinds.AlarmPanic && settings.CaptureOnPanic
                && camera.Covers.Contains(zone!),
            CaptureReason.Silent => atTrigger && e.Event.Kind == EventKinds.AlarmSilent && settings.CaptureOnSilent
                && camera.Covers.Contains(zone!),
            CaptureReason.Sabotage => atTrigger && e.Event.Kind == EventKinds.EntryStarted && settings.SabotageCheck
                && camera.SabotageCheck,
            CaptureReason.Request => input is PictureRequested r && r.Camera == o.Camera && r.Actor == o.Actor
                && IsAlarm(e.Event.Kind),
            _ => false,
        };
        if (justified && o.Held)
        {
            _heldDisarmedAt.TryAdd(o.AlarmSeq, 0);
        }

        return justified ? null : $"capture {o} justified by no rule (event {e.Event.Kind} in {zone})";
    }

    private string? CheckRelease(ReleaseHeld r, CaptureInput input)
    {
        if (!_heldDisarmedAt.TryGetValue(r.AlarmSeq, out var disarmedAt) || !_settled.Add(r.AlarmSeq))
        {
            return $"release of {r.AlarmSeq} that holds nothing";
        }

        var kind = (input as EventPersisted)?.Stored.Event.Kind;
        if (disarmedAt != 0)
        {
            // After a disarm only the duress alarm of that same commit (no clock advance between) may release (P3).
            return kind == EventKinds.AlarmDuress && !_clockAfterDisarm.Contains(r.AlarmSeq)
                ? null : $"release of {r.AlarmSeq} after a normal disarm";
        }

        var why = r.Why switch
        {
            "duress" => kind == EventKinds.AlarmDuress,
            "lockout" => kind == EventKinds.CodeLockout,
            "alarm" => kind is not null && IsAlarm(kind),
            "lens-covered" => input is LensCovered l && l.AlarmSeq == r.AlarmSeq,
            _ => false,
        };
        return why ? null : $"release of {r.AlarmSeq} for '{r.Why}' without its cause";
    }

    /// <summary>P5: a request while no alarm is open must be refused, and nothing captured.</summary>
    private string? CheckRequest(CaptureInput input, IReadOnlyList<CaptureDecision> decisions, DateTimeOffset now)
    {
        if (input is not PictureRequested || _seen.Any(s => IsAlarm(s.Event.Kind) && IsOpen(s, now)))
        {
            return null;
        }

        return decisions.Any(d => d is CaptureOrder) || !decisions.Any(d => d is RequestRefused)
            ? "a picture request was not refused while no alarm was active (P5)"
            : null;
    }

    /// <summary>P1/P2 the other way round: a camera-PIR intrusion or smoke captures from every camera configured for it.</summary>
    private string? CheckCompleteness(CaptureInput input, IReadOnlyList<CaptureDecision> decisions, bool restricted, DateTimeOffset now)
    {
        if (restricted || input is not EventPersisted { Stored: var s } || now - s.Event.At > settings.AlarmWindow)
        {
            return null;
        }

        var zone = s.Event.Zone;
        var expected = s.Event.Kind switch
        {
            EventKinds.AlarmIntrusion when ZoneIs(zone, ZoneType.CameraPir) =>
                settings.Cameras.Where(c => c.Zone == zone || c.Follows.Contains(zone!)),
            EventKinds.AlarmFire when ZoneIs(zone, ZoneType.Fire) => settings.Cameras.Where(c => c.VerifiesFire.Contains(zone!)),
            _ => [],
        };
        var missing = expected.Where(c => !decisions.OfType<CaptureOrder>().Any(o => o.Camera == c.Id && o.AlarmSeq == s.Sequence));
        return missing.Any() ? $"{s.Event.Kind} in {zone} did not capture from {missing.First().Id} (P1/P2)" : null;
    }

    private void Record(CaptureInput input)
    {
        if (input is ClockAdvanced)
        {
            _clockAfterDisarm.UnionWith(_heldDisarmedAt.Where(p => p.Value != 0).Select(p => p.Key));
        }

        if (input is not EventPersisted { Stored: var s })
        {
            return;
        }

        _seen.Add(s);
        if (s.Event.Kind == EventKinds.Disarmed)
        {
            foreach (var held in _heldDisarmedAt.Keys.Where(k => _heldDisarmedAt[k] == 0).ToList())
            {
                _heldDisarmedAt[held] = s.Sequence;
            }
        }
    }

    private bool IsOpen(StoredEvent e, DateTimeOffset now) =>
        now - e.Event.At <= settings.AlarmWindow
        && !_seen.Any(s => s.Sequence > e.Sequence && s.Event.Kind is EventKinds.Disarmed or EventKinds.AlarmCancelled);

    private static bool IsAlarm(string kind) => EventCatalog.IsAlarm(kind) && kind != EventKinds.AlarmCancelled;

    private bool ZoneIs(string? zone, ZoneType type) => settings.IsZone(zone, type);
}
