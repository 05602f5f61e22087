namespace PanelAgent.Broker;

/// <summary>A PUBLISH as the broker received it (a copy), and whether the ACL let it through.</summary>
public sealed class BrokerMessageEventArgs(string clientId, string topic, byte[] payload, bool accepted) : EventArgs
{
    public string ClientId { get; } = clientId;

    public string Topic { get; } = topic;

    public byte[] Payload { get; } = payload;

    public bool Accepted { get; } = accepted;
}
