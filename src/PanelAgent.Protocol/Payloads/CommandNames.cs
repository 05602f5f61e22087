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

    /// <summary>P11 access and portability: the export is written on the panel for the technician, never sent.</summary>
    public const string PrivacyExport = "privacy.export";
    /// <summary>P11 erasure: what the law requires (P8) is kept, and the answer says what.</summary>
    public const string PrivacyErase = "privacy.erase";
    /// <summary>P11 restriction: no image capture until <see cref="PrivacyLift"/>.</summary>
    public const string PrivacyRestrict = "privacy.restrict";
    public const string PrivacyLift = "privacy.lift";
    /// <summary>Issue 6: install a signed bundle already on the panel (<see cref="CommandPayload.Bundle"/>).</summary>
    public const string Update = "update";

    public static IReadOnlyList<string> All { get; } =
        [Arm, Disarm, Hold, Status, Restrict, PrivacyExport, PrivacyErase, PrivacyRestrict, PrivacyLift, Update];
}
