namespace PanelAgent.Station.Receiving;

/// <summary>
/// What to do after one received message: print <see cref="Line"/> (new events only) and publish
/// <see cref="Ack"/> (sealed, signed) on <see cref="AckTopic"/>; both null for a rejected message.
/// </summary>
public sealed record ReceiveOutcome(string Reason, string? Line, string? AckTopic, byte[]? Ack)
{
    public static ReceiveOutcome Rejected(string reason) => new(reason, null, null, null);
}
