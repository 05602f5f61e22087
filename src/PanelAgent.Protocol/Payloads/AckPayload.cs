namespace PanelAgent.Protocol.Payloads;

/// <summary>
/// The plaintext of one message on <c>acks</c> (station → panel, sealed and signed): the event-log sequences the
/// station has durably received, the verification images it has written, and the station's clock, so a drifting panel
/// corrects its offset instead of being rejected forever (issue 3 §4).
/// </summary>
/// <param name="Seqs">Event-log sequence numbers (<see cref="EventPayload.Seq"/>) now safe at the station.</param>
/// <param name="StationTime">The station's clock when it sent the acknowledgement, UTC.</param>
/// <param name="Images">Image ids (of the image chunks) the station has reassembled, verified and written; null (left
/// out of the JSON) on event acknowledgements, so a panel that predates image acks reads them unchanged.</param>
public sealed record AckPayload(IReadOnlyList<long> Seqs, DateTimeOffset StationTime, IReadOnlyList<long>? Images = null);
