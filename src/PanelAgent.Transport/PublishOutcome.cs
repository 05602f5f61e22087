namespace PanelAgent.Transport;

/// <summary>The result of <see cref="ConnectionSupervisor.PublishAsync"/>; link problems are values, never exceptions.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Reason">For Rejected: the PUBACK reason code (and reason string); otherwise a short cause or null.</param>
public readonly record struct PublishOutcome(PublishStatus Status, string? Reason = null)
{
    public static PublishOutcome Sent { get; } = new(PublishStatus.Sent);

    public static PublishOutcome TimedOut { get; } = new(PublishStatus.TimedOut);

    public static PublishOutcome NotConnected(string? cause = null) => new(PublishStatus.NotConnected, cause);

    public static PublishOutcome Rejected(string reason) => new(PublishStatus.Rejected, reason);

    public bool IsSent => Status == PublishStatus.Sent;
}
