namespace PanelAgent.Station.Configuration;

/// <summary>
/// What one panel-station instance needs (docs/station.md). Paths are absolute or relative to the config file.
/// </summary>
public sealed record StationOptions
{
    /// <summary>The broker host (IP or name matching its certificate).</summary>
    public required string Host { get; init; }

    public int Port { get; init; } = 8883;

    /// <summary>MQTT client id: unique per instance.</summary>
    public required string ClientId { get; init; }

    /// <summary>The station CA (PEM): the only trust anchor for the broker's certificate.</summary>
    public required string CaFile { get; init; }

    /// <summary>The station's client certificate (PEM, CN=station) and its private key (PEM).</summary>
    public required string CertFile { get; init; }

    public required string CertKeyFile { get; init; }

    /// <summary>Per-panel master secrets (see <see cref="Keys.StationKeyFile"/>).</summary>
    public required string KeysFile { get; init; }

    /// <summary>The ECDSA P-256 private key (PEM) the station signs acks with.</summary>
    public required string SigningKeyFile { get; init; }

    /// <summary>This instance's SQLite file: received events (de-duplication) and the sealing epoch.</summary>
    public required string Database { get; init; }

    /// <summary>Where verification images are written (issue 4); null: this instance does not take images. Images
    /// use a plain subscription, not the shared one (a burst's chunks must meet in one instance): set it on one
    /// instance of a group.</summary>
    public string? ImagesFolder { get; init; }

    /// <summary>MQTT 5 shared-subscription group: instances with the same group split the load.</summary>
    public string ShareGroup { get; init; } = "stations";

    /// <summary>Deadline on each connect and each ack publish.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the supervisor pings a connected broker.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reconnect backoff: doubles from the minimum up to the maximum, with jitter.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether this instance watches every panel's <c>status</c> (a plain subscription, not shared), acknowledges
    /// heartbeats and reports panel.lost / panel.restored. Behind one broker, turn it on for one instance or more; each
    /// that has it reports (consumers de-duplicate by panel, type and time, as for redelivered events).
    /// </summary>
    public bool Supervise { get; init; } = true;

    /// <summary>The heartbeat interval assumed for a panel until its own status says otherwise.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(60);
}
