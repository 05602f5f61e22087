namespace PanelAgent.Core.Events;

/// <summary>An event as persisted, with the sequence number the durable log gave it (monotonic, never reused).</summary>
public sealed record StoredEvent(long Sequence, PanelEvent Event);
