namespace PanelAgent.Core.Capture;

/// <summary>An alarm (or entry delay) the capture policy counts as active: its event's sequence, kind, zone and time.</summary>
public sealed record OpenAlarm(long Seq, string Kind, string? Zone, DateTimeOffset At);
