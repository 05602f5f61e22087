namespace PanelAgent.Broker.Configuration;

/// <summary>What one panel-broker needs (docs/broker.md). Paths are absolute or relative to the config file.</summary>
public sealed record BrokerOptions
{
    /// <summary>The IPv4 or IPv6 address to listen on; loopback unless the operator says otherwise.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>TLS port; 0 lets the system choose (tests), <see cref="PanelBroker.Port"/> tells which.</summary>
    public int Port { get; init; } = 8883;

    /// <summary>The station CA (PEM): the only trust anchor for client certificates.</summary>
    public required string CaFile { get; init; }

    /// <summary>The broker's server certificate (PEM) and its private key (PEM).</summary>
    public required string CertFile { get; init; }

    public required string KeyFile { get; init; }

    /// <summary>CRL of the CA (PEM or DER); empty for none. Re-read when the file changes.</summary>
    public string CrlFile { get; init; } = "";

    /// <summary>A Mosquitto-format ACL file; empty for the built-in copy of hardware/mosquitto/acl.</summary>
    public string AclFile { get; init; } = "";

    /// <summary>
    /// The station certificate's CN. Its instances connect as <c>station</c> or <c>station-SUFFIX</c>; panel CNs
    /// of that form are refused, so no panel can take over a station instance's session.
    /// </summary>
    public string StationIdentity { get; init; } = "station";

    /// <summary>Messages queued per client before the oldest is dropped (Mosquitto's max_queued_messages).</summary>
    public int MaxPendingMessagesPerClient { get; init; } = 1000;
}
