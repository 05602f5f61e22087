namespace PanelAgent.Core.Ports;

/// <summary>The store could not make a write durable (disk full, I/O error, corrupt file).</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
