namespace PanelAgent.Protocol.Payloads;

/// <summary>
/// The plaintext of one message on <c>status</c> (panel → station, sealed, retained): the panel's supervision signal
/// (issue 3 §4). <see cref="State"/> is <c>online</c> (just connected), <c>heartbeat</c> (every
/// <see cref="IntervalSeconds"/>) or <c>offline</c> (the last will, sealed when the connection was made). Nothing
/// personal: counts only.
/// </summary>
/// <param name="State">One of <see cref="StatusStates"/>.</param>
/// <param name="At">The panel's (corrected) clock when sealed, UTC.</param>
/// <param name="IntervalSeconds">The heartbeat interval the station should expect; 0 when heartbeats are off.</param>
/// <param name="Pending">Outbox rows not yet acknowledged: a station can tell a quiet panel from a backed-up one.</param>
/// <param name="Access">The access log's head (issue 5 §3), or null when the panel has no readable access log.</param>
public sealed record StatusPayload(string State, DateTimeOffset At, int IntervalSeconds, long Pending, AccessHeadPayload? Access = null);
