namespace PanelAgent.Core.Privacy;

/// <summary>
/// The access log's head as the station is told it (issue 5 §3): how many entries are held, the newest sequence and
/// its chain hash, and optionally a witness — the hash the log holds *now* at a sequence the station was told earlier.
/// The chain alone cannot show entries cut from its end; someone else remembering the head can.
/// </summary>
public sealed record AccessLogHead(long Entries, long Sequence, string Hash, long? WitnessSequence = null, string? WitnessHash = null);
