using PanelAgent.Core.Events;
using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Capture;

/// <summary>
/// The capture policy of PRIVACY.md P1-P5, pure: <c>Decide(state, input, now, settings, restricted) → (next, decisions)</c>.
/// A camera captures only for (P1) an intrusion alarm from a camera-PIR zone, (P2) smoke in a fire zone it verifies,
/// (P4) panic/SOS/silent alarms where configured, (P3) the disarm sabotage check where configured, and (P5) a
/// station or technician request while an alarm is open; never while capture is restricted (P11). Sabotage frames
/// stay on the panel and are discarded after a normal disarm; released for a duress disarm, a lock-out, a covered
/// lens, or an alarm that follows the entry delay.
/// </summary>
public static class CapturePolicy
{
    public static CaptureStep Decide(
        CaptureState state, CaptureInput input, DateTimeOffset now, CaptureSettings settings, bool restricted)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var decisions = new List<CaptureDecision>();
        state = Settle(state, input, decisions);
        state = Expire(state, now, settings.AlarmWindow);
        if (restricted && state.Held is { } held)
        {
            decisions.Add(new DiscardHeld(held.AlarmSeq, "restricted"));
            state = state with { Held = null };
        }

        state = input switch
        {
            // An event older than the window (replayed after a long power cut) still closes alarms, but opens nothing
            // and captures nothing.
            EventPersisted e when now - e.Stored.Event.At > settings.AlarmWindow => Close(state, e.Stored.Event.Kind),
            EventPersisted e => OnEvent(state, e.Stored, settings, restricted, decisions),
            PictureRequested r => OnRequest(state, r, settings, restricted, decisions),
            LensCovered l when state.Held?.AlarmSeq == l.AlarmSeq => Release(state, "lens-covered", decisions),
            _ => state,
        };
        return new CaptureStep(state, decisions);
    }

    /// <summary>
    /// A disarm seen while sabotage frames are held becomes a discard at the next clock advance, which the coordinator
    /// feeds after each read of the log: the engine writes <c>disarmed</c>, the relays' events and <c>alarm.duress</c>
    /// in one commit, and only the duress of that commit may still release the frames.
    /// </summary>
    private static CaptureState Settle(CaptureState state, CaptureInput input, List<CaptureDecision> decisions)
    {
        if (input is not ClockAdvanced || state.Held is not { DisarmSeen: true } held)
        {
            return state;
        }

        decisions.Add(new DiscardHeld(held.AlarmSeq, "normal-disarm"));
        return state with { Held = null };
    }

    private static CaptureState Expire(CaptureState state, DateTimeOffset now, TimeSpan window)
    {
        var alarms = state.Alarms.Where(a => now - a.At <= window).ToList();
        var entry = state.Entry is { } e && now - e.At > window ? null : state.Entry;
        return alarms.Count == state.Alarms.Count && entry == state.Entry
            ? state
            : state with { Alarms = alarms, Entry = entry };
    }

    private static CaptureState OnEvent(
        CaptureState state, StoredEvent stored, CaptureSettings settings, bool restricted, List<CaptureDecision> decisions)
    {
        var e = stored.Event;
        switch (e.Kind)
        {
            case EventKinds.Disarmed or EventKinds.AlarmCancelled:
                return Close(state, e.Kind);
            case EventKinds.CodeLockout:
                return Release(state, "lockout", decisions);
            case EventKinds.EntryStarted:
                return OnEntry(state, new OpenAlarm(stored.Sequence, e.Kind, e.Zone, e.At), settings, restricted, decisions);
        }

        if (!EventCatalog.IsAlarm(e.Kind))
        {
            return state;
        }

        var alarm = new OpenAlarm(stored.Sequence, e.Kind, e.Zone, e.At);
        state = Release(state, e.Kind == EventKinds.AlarmDuress ? "duress" : "alarm", decisions);
        state = state with { Alarms = [.. state.Alarms, alarm] };
        var reason = ReasonFor(alarm, settings);
        return reason is null || restricted
            ? state
            : Order(state, alarm, reason.Value, CamerasFor(alarm, reason.Value, settings), decisions, held: false);
    }

    /// <summary>A disarm or cancellation closes every alarm and the entry delay; a disarm also awaits the verdict on
    /// held sabotage frames.</summary>
    private static CaptureState Close(CaptureState state, string kind) => kind switch
    {
        EventKinds.Disarmed => state with
        {
            Alarms = [], Entry = null, Taken = [],
            Held = state.Held is { } held ? held with { DisarmSeen = true } : null,
        },
        EventKinds.AlarmCancelled => state with { Alarms = [], Entry = null },
        _ => state,
    };

    private static CaptureState OnEntry(
        CaptureState state, OpenAlarm entry, CaptureSettings settings, bool restricted, List<CaptureDecision> decisions)
    {
        state = state with { Entry = entry };
        if (!settings.SabotageCheck || restricted || state.Held is not null)
        {
            return state;
        }

        var cameras = settings.Cameras.Where(c => c.SabotageCheck).Select(c => c.Id).ToList();
        if (cameras.Count == 0)
        {
            return state;
        }

        state = Order(state, entry, CaptureReason.Sabotage, cameras, decisions, held: true);
        return state with { Held = new HeldFrames(entry.Seq, DisarmSeen: false) };
    }

    private static CaptureState OnRequest(
        CaptureState state, PictureRequested request, CaptureSettings settings, bool restricted, List<CaptureDecision> decisions)
    {
        var why = restricted ? "restricted"
            : settings.Camera(request.Camera) is null ? "unknown-camera"
            : !state.AlarmActive ? "no-alarm"
            : state.Taken.Contains(CaptureState.Key(state.Alarms[^1].Seq, request.Camera, CaptureReason.Request))
                ? "already-taken"
                : null;
        if (why is not null)
        {
            decisions.Add(new RequestRefused(request.Actor, request.Camera, why));
            return state;
        }

        var alarm = state.Alarms[^1];
        decisions.Add(new CaptureOrder(request.Camera, alarm.Seq, alarm.Zone, CaptureReason.Request, false, request.Actor));
        return state with { Taken = [.. state.Taken, CaptureState.Key(alarm.Seq, request.Camera, CaptureReason.Request)] };
    }

    private static CaptureState Release(CaptureState state, string why, List<CaptureDecision> decisions)
    {
        // After a disarm nothing but that disarm's duress releases (P3: a normal disarm → discarded).
        if (state.Held is not { } held || (held.DisarmSeen && why != "duress"))
        {
            return state;
        }

        decisions.Add(new ReleaseHeld(held.AlarmSeq, why));
        return state with { Held = null };
    }

    private static CaptureReason? ReasonFor(OpenAlarm alarm, CaptureSettings settings) => alarm.Kind switch
    {
        EventKinds.AlarmIntrusion when settings.IsZone(alarm.Zone, ZoneType.CameraPir) => CaptureReason.Intrusion,
        EventKinds.AlarmFire when settings.IsZone(alarm.Zone, ZoneType.Fire) => CaptureReason.Fire,
        EventKinds.AlarmPanic when settings.CaptureOnPanic => CaptureReason.Panic,
        EventKinds.AlarmSilent when settings.CaptureOnSilent => CaptureReason.Silent,
        _ => null,
    };

    private static List<string> CamerasFor(OpenAlarm alarm, CaptureReason reason, CaptureSettings settings)
    {
        var zone = alarm.Zone!;
        return [.. settings.Cameras.Where(c => reason switch
        {
            CaptureReason.Intrusion => c.Zone == zone || c.Follows.Contains(zone),
            CaptureReason.Fire => c.VerifiesFire.Contains(zone),
            _ => c.Covers.Contains(zone),
        }).Select(c => c.Id)];
    }

    private static CaptureState Order(CaptureState state, OpenAlarm alarm, CaptureReason reason, List<string> cameras,
        List<CaptureDecision> decisions, bool held)
    {
        var taken = state.Taken.ToList();
        foreach (var camera in cameras)
        {
            var key = CaptureState.Key(alarm.Seq, camera, reason);
            if (!taken.Contains(key))
            {
                taken.Add(key);
                decisions.Add(new CaptureOrder(camera, alarm.Seq, alarm.Zone, reason, held));
            }
        }

        return state with { Taken = taken };
    }
}
