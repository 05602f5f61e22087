namespace PanelAgent.Core.Capture;

/// <summary>
/// What the capture policy remembers between inputs. Rebuilt from nothing at start-up: after a reboot no alarm is
/// open for capture until a new alarm event is persisted, which errs on the side of taking no picture.
/// </summary>
public sealed record CaptureState
{
    public static readonly CaptureState Initial = new();

    /// <summary>Alarm events (<c>alarm.*</c> but <c>alarm.cancelled</c>) since the last disarm, within the window.</summary>
    public IReadOnlyList<OpenAlarm> Alarms { get; init; } = [];

    /// <summary>The running entry delay (<c>entry.started</c>), when there is one.</summary>
    public OpenAlarm? Entry { get; init; }

    /// <summary>Sabotage-check frames held on the panel, waiting for the disarm's verdict.</summary>
    public HeldFrames? Held { get; init; }

    /// <summary>Bursts already ordered in this alarm period: "seq/camera/reason", so a burst is never taken twice.</summary>
    public IReadOnlyList<string> Taken { get; init; } = [];

    /// <summary>True while an alarm (not just an entry delay) is open.</summary>
    public bool AlarmActive => Alarms.Count > 0;

    public static string Key(long seq, string camera, CaptureReason reason) => $"{seq}/{camera}/{reason}";
}
