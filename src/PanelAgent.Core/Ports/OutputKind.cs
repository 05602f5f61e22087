namespace PanelAgent.Core.Ports;

/// <summary>The panel's outputs (PRIVACY.md P14: locks and smart plugs are the panel's too).</summary>
public enum OutputKind
{
    /// <summary>Indoor/outdoor sounder.</summary>
    Siren,
    /// <summary>Relay driving an integrated door lock: energised = locked.</summary>
    DoorLock,
    /// <summary>Relay driving a smart plug: energised = power on.</summary>
    SmartPlug,
}
