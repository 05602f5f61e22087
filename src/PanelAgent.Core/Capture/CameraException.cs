namespace PanelAgent.Core.Capture;

/// <summary>A camera could not deliver a usable frame (device error, corrupt or oversized frame): <c>trouble.camera</c>.</summary>
public sealed class CameraException : Exception
{
    public CameraException()
    {
    }

    public CameraException(string message)
        : base(message)
    {
    }

    public CameraException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
