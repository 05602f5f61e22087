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
public sealed record OpenResult(OpenStatus Status, EnvelopeHeader? Header, byte[]? Payload, DateTimeOffset ReceiverTime)
{
    public bool IsAccepted => Status == OpenStatus.Accepted;

    /// <summary>The sender's clock minus the receiver's, when the header is authenticated.</summary>
    public TimeSpan? SenderClockOffset =>
        Header is null ? null : TimeSpan.FromMilliseconds(Header.TimestampUnixMs - ReceiverTime.ToUnixTimeMilliseconds());

    internal static OpenResult Rejected(OpenStatus status, DateTimeOffset now) => new(status, null, null, now);
}
