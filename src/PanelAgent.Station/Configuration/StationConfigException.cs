namespace PanelAgent.Station.Configuration;

/// <summary>A configuration the station cannot run with; <see cref="Field"/> names the offending setting.</summary>
public sealed class StationConfigException : Exception
{
    public StationConfigException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
    }

    public StationConfigException()
        : this("config", "invalid")
    {
    }

    public StationConfigException(string message)
        : this("config", message)
    {
    }

    public StationConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "config";
    }

    public string Field { get; } = "config";
}
