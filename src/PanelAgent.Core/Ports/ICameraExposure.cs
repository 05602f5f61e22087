namespace PanelAgent.Core.Ports;

/// <summary>
/// Optional on an <see cref="ICamera"/>: the exposure time of the last frame it delivered, for the technician's
/// camera test (issue 5). Null when the device does not report one. Never needed for a capture.
/// </summary>
public interface ICameraExposure
{
    TimeSpan? LastExposure { get; }
}
