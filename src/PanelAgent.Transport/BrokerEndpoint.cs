namespace PanelAgent.Transport;

/// <summary>One broker address of the <c>Link:Brokers</c> list; the first is the primary path, the rest are backups.</summary>
public sealed class BrokerEndpoint
{
    /// <summary>Host name or address; also the TLS target name the broker certificate must carry.</summary>
    public string Host { get; set; } = "";

    /// <summary>MQTT over TLS port (8883 is the IANA port for secure MQTT).</summary>
    public int Port { get; set; } = 8883;

    public override string ToString() => $"{Host}:{Port}";
}
