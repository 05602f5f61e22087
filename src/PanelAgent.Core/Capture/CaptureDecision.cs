namespace PanelAgent.Core.Capture;

/// <summary>What the capture policy orders. Only <see cref="CaptureOrder"/> makes a camera take a picture.</summary>
public abstract record CaptureDecision;

/// <summary>Take a burst from <paramref name="Camera"/> for the alarm <paramref name="AlarmSeq"/> (the sequence of the
/// event that justified it). <paramref name="Held"/>: keep the frames on the panel, do not send (P3).</summary>
public sealed record CaptureOrder(string Camera, long AlarmSeq, string? Zone, CaptureReason Reason, bool Held, string Actor = "panel")
    : CaptureDecision;

/// <summary>Held sabotage-check frames of <paramref name="AlarmSeq"/> are kept and sent: <paramref name="Why"/> is
/// <c>duress</c>, <c>lockout</c>, <c>lens-covered</c> or <c>alarm</c>.</summary>
public sealed record ReleaseHeld(long AlarmSeq, string Why) : CaptureDecision;

/// <summary>Held sabotage-check frames of <paramref name="AlarmSeq"/> are deleted: the disarm was normal (P3), or capture
/// was restricted (P11).</summary>
public sealed record DiscardHeld(long AlarmSeq, string Why) : CaptureDecision;

/// <summary>A picture request was refused; <paramref name="Why"/> is <c>no-alarm</c>, <c>restricted</c>,
/// <c>unknown-camera</c> or <c>already-taken</c>.</summary>
public sealed record RequestRefused(string Actor, string Camera, string Why) : CaptureDecision;
