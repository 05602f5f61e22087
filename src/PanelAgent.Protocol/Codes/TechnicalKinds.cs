namespace PanelAgent.Protocol.Codes;

/// <summary>
/// The trouble kinds of technical zones that the code table knows by name (a zone's <c>Kind</c>, raised as
/// <c>trouble.&lt;kind&gt;</c>; docs/engine.md "Zone types"). Core leaves the list open; other kinds fall back to a
/// generic sensor trouble.
/// </summary>
public static class TechnicalKinds
{
    /// <summary>Mains (AC) power lost.</summary>
    public const string Mains = "mains";
    /// <summary>The panel's standby battery is low.</summary>
    public const string Battery = "battery";
    /// <summary>A water leak detector.</summary>
    public const string Water = "water";
}
