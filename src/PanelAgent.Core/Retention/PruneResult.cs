namespace PanelAgent.Core.Retention;

/// <summary>How many rows one retention run removed.</summary>
public sealed record PruneResult(int ArmLogRemoved, int AlarmHistoryRemoved, int EventsRemoved);
