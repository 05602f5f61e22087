using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Transport.Uplink;

/// <summary>A snapshot of what the uplink did since it was made.</summary>
/// <param name="EventsSent">Event messages the broker accepted (PUBACK), first sends and resends.</param>
/// <param name="EventsResent">Of those, resends (after a reconnect or the ack timeout).</param>
/// <param name="RowsAcknowledged">Outbox rows marked acknowledged by an authenticated ack.</param>
/// <param name="AcksAccepted">Ack messages that opened (authentic, signed by the station, fresh) and decoded.</param>
/// <param name="AcksRejected">Ack messages refused and ignored, by <see cref="OpenStatus"/>.</param>
/// <param name="AcksMalformed">Ack messages that opened but were not an <c>AckPayload</c>.</param>
/// <param name="AcksDropped">Ack messages dropped because the receive queue was full (the rows are resent).</param>
public sealed record UplinkCounters(
    long EventsSent, long EventsResent, long RowsAcknowledged, long AcksAccepted,
    IReadOnlyDictionary<OpenStatus, long> AcksRejected, long AcksMalformed, long AcksDropped)
{
    public long AcksRejectedTotal => AcksRejected.Values.Sum();
}
