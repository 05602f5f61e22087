namespace PanelAgent.Core.Events;

/// <summary>Trouble kinds raised by the panel itself (technical zones add their own: mains, battery, water...).</summary>
public static class TroubleKinds
{
    /// <summary>A detector input is faulted, lost edges, or the input event loop stopped.</summary>
    public const string Detector = "detector";
    /// <summary>The event log could not be written; the alarm path runs from memory.</summary>
    public const string Storage = "storage";
    /// <summary>A tamper switch opened while disarmed.</summary>
    public const string Tamper = "tamper";
    /// <summary>An output (siren, relay) could not be driven.</summary>
    public const string Output = "output";
    /// <summary>Acknowledgements from the station stopped (transport issue).</summary>
    public const string Comms = "comms";
}
