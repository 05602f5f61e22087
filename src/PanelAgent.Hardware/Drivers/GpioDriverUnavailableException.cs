namespace PanelAgent.Hardware.Drivers;

/// <summary>No GPIO driver could be opened, or the configured one is refused; the message says which were tried and why.</summary>
public sealed class GpioDriverUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GpioDriverUnavailableException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public GpioDriverUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and the last driver's failure.</summary>
    public GpioDriverUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
