using PanelAgent.Core.Events;

namespace PanelAgent.Core.Capture;

/// <summary>Something the capture policy is told: a persisted panel event, a picture request, a lens report, time.</summary>
public abstract record CaptureInput;

/// <summary>An event the panel has persisted (so it has its sequence, the alarm id of its images).</summary>
public sealed record EventPersisted(StoredEvent Stored) : CaptureInput;

/// <summary>A station or technician asks for a picture from <paramref name="Camera"/>. Refused unless an alarm is active.</summary>
/// <param name="Actor">Who asked (<c>station</c>, <c>technician:&lt;uid&gt;</c>), for the access log.</param>
/// <param name="Camera">The camera id asked for.</param>
public sealed record PictureRequested(string Actor, string Camera) : CaptureInput;

/// <summary>The image pipeline found the lens of <paramref name="Camera"/> covered or blinded in a frame of the burst for
/// <paramref name="AlarmSeq"/>.</summary>
public sealed record LensCovered(long AlarmSeq, string Camera) : CaptureInput;

/// <summary>Time passed. Settles a pending sabotage verdict and closes alarms older than the window.</summary>
public sealed record ClockAdvanced : CaptureInput;
