namespace PanelAgent.Transport;

/// <summary>One message delivered by the broker: its topic and a private copy of its (still sealed) payload.</summary>
public sealed class LinkMessageEventArgs(string topic, ReadOnlyMemory<byte> payload) : EventArgs
{
    public string Topic { get; } = topic;

    /// <summary>The payload bytes, copied out of MQTTnet's buffer: safe to keep after the handler returns.</summary>
    public ReadOnlyMemory<byte> Payload { get; } = payload;
}
