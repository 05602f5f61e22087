namespace PanelAgent.Faults;

/// <summary>
/// One panel event as both ends name it: sequence, event time (Unix ms), kind and zone. The sequence alone is not
/// enough: a panel whose database was quarantined starts again at 1, and the station must not take the new seq 1 for
/// the old one.
/// </summary>
internal readonly record struct EventKey(long Seq, long AtMs, string Kind, string? Zone);
