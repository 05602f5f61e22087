using PanelAgent.Protocol.Envelopes;

namespace PanelAgent.Protocol.Sealing;

/// <summary>What <see cref="EnvelopeOpener.Open"/> found.</summary>
/// <param name="Status">Accepted, or why not.</param>
/// <param name="Header">
/// The header, only once it is authenticated (accepted, out of window, replayed); null for anything that failed
/// before, because unauthenticated fields must not be believed.
/// </param>
/// <param name="Payload">The plaintext payload, only when accepted.</param>
/// <param name="ReceiverTime">
/// The receiver's clock when it opened the message, on every result: the station sends it back in its ack or
/// rejection so a panel whose clock drifted corrects its offset instead of being rejected forever (issue 3 §4).
/// </param>
/// <param name="StalePayload">
/// The plaintext of an authentic message refused only for freshness (out of window or replayed). Only for hints that
/// are safe to act on late and twice, such as a panel's last will saying it went offline; never for an event, a
/// command or an acknowledgement.
/// </param>
public sealed record OpenResult(
    OpenStatus Status, EnvelopeHeader? Header, byte[]? Payload, DateTimeOffset ReceiverTime, byte[]? StalePayload = null)
{
    public bool IsAccepted => Status == OpenStatus.Accepted;

    /// <summary>The sender's clock minus the receiver's, when the header is authenticated.</summary>
    public TimeSpan? SenderClockOffset =>
        Header is null ? null : TimeSpan.FromMilliseconds(Header.TimestampUnixMs - ReceiverTime.ToUnixTimeMilliseconds());

    internal static OpenResult Rejected(OpenStatus status, DateTimeOffset now) => new(status, null, null, now);
}
