namespace PanelAgent.Broker.Configuration;

/// <summary>A configuration the broker cannot run with; <see cref="Field"/> names the offending setting.</summary>
public sealed class BrokerConfigException : Exception
{
    public BrokerConfigException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
    }

    public BrokerConfigException()
        : this("config", "invalid")
    {
    }

    public BrokerConfigException(string message)
        : this("config", message)
    {
    }

    public BrokerConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string Field { get; } = "config";
}
