namespace PanelAgent.Protocol.Payloads;

/// <summary>
/// The commands a station may send (issue 3 §5). There is deliberately no command that takes a picture: a panel
/// captures only for an alarm it detected itself (P5).
/// </summary>
public static class CommandNames
{
    public const string Arm = "arm";
    public const string Disarm = "disarm";
    /// <summary>Keep one alarm's images for the police, at most 30 days from capture (P6).</summary>
    public const string Hold = "hold";
    /// <summary>Answer with the panel's phase, troubles and outbox depth.</summary>
    public const string Status = "status";
    /// <summary>Restrict processing (P11): no image capture until lifted.</summary>
    public const string Restrict = "restrict";

    public static IReadOnlyList<string> All { get; } = [Arm, Disarm, Hold, Status, Restrict];
}
