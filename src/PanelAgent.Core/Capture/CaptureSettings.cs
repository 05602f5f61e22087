using PanelAgent.Core.Zones;

namespace PanelAgent.Core.Capture;

/// <summary>
/// What the panel is configured to capture (PRIVACY.md P1-P4). Configuration can only narrow capture: no setting
/// lets a camera capture outside an alarm (P5); that rule is code, not configuration.
/// </summary>
public sealed record CaptureSettings
{
    /// <summary>The longest an alarm may justify a station or technician picture request (and a silent alarm,
    /// which does not change the panel's phase, stays open). Privacy-conservative: 30 minutes.</summary>
    public static readonly TimeSpan DefaultAlarmWindow = TimeSpan.FromMinutes(30);

    public IReadOnlyList<CameraDefinition> Cameras { get; init; } = [];

    /// <summary>Zone id → type, to tell camera-PIR and fire zones from the rest.</summary>
    public IReadOnlyDictionary<string, ZoneType> Zones { get; init; } = new Dictionary<string, ZoneType>();

    /// <summary>P4: panic/SOS alarms capture from the cameras covering the zone.</summary>
    public bool CaptureOnPanic { get; init; }

    /// <summary>P4: silent alarms (the voice unit off the wall) capture from the cameras covering the zone.</summary>
    public bool CaptureOnSilent { get; init; }

    /// <summary>P3: the entry delay takes sabotage-check frames, kept on the panel until the disarm shows whether
    /// anything is wrong.</summary>
    public bool SabotageCheck { get; init; }

    /// <summary>See <see cref="DefaultAlarmWindow"/>.</summary>
    public TimeSpan AlarmWindow { get; init; } = DefaultAlarmWindow;

    public CameraDefinition? Camera(string id) => Cameras.FirstOrDefault(c => c.Id == id);

    public bool IsZone(string? zone, ZoneType type) => zone is not null && Zones.TryGetValue(zone, out var t) && t == type;
}
