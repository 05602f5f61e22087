using PanelAgent.Core.Events;
using PanelAgent.Protocol.Codes;

namespace PanelAgent.Protocol.Payloads;

/// <summary>
/// The plaintext of one message on <c>events</c>: a persisted event with its station codes. Ids and numbers only, as
/// in <see cref="PanelEvent"/>: a zone id, a user number, never a name or a code (P9). All of it travels inside the
/// ciphertext.
/// </summary>
/// <param name="Seq">The durable log's sequence number: the station de-duplicates by (panel, seq).</param>
/// <param name="Kind">One of <see cref="EventKinds"/>.</param>
/// <param name="Zone">The zone id, when the event concerns a zone.</param>
/// <param name="User">The user number, when a user caused it.</param>
/// <param name="Detail">The event's short machine-readable detail.</param>
/// <param name="At">When it happened, UTC.</param>
/// <param name="Sia">SIA DC-03 code; null when the kind is not reported (<see cref="EventCodeTable"/>).</param>
/// <param name="Cid">Contact ID <c>QEEE</c>, e.g. <c>1130</c>; null when not reported.</param>
public sealed record EventPayload(
    long Seq, string Kind, string? Zone, int? User, string? Detail, DateTimeOffset At, string? Sia, string? Cid)
{
    /// <summary>
    /// The payload of a stored event. For <see cref="EventKinds.ZoneRestored"/>, pass the alarm kind that zone raised
    /// (from the log) to get the precise restore code instead of the untyped one.
    /// </summary>
    public static EventPayload From(StoredEvent stored, string? restoredAlarmKind = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var e = stored.Event;
        var code = e.Kind == EventKinds.ZoneRestored ? EventCodeTable.ForRestoreOf(restoredAlarmKind) : EventCodeTable.For(e.Kind);
        return new EventPayload(stored.Sequence, e.Kind, e.Zone, e.User, e.Detail, e.At.ToUniversalTime(), code.Sia, code.Cid);
    }
}
