using PanelAgent.Core.Ports;
using PanelAgent.Options;

namespace PanelAgent.Capture;

/// <summary>What capture needs from the host: how to make a camera (V4L2 or simulated), the encoder, the access log,
/// the P11 restriction (null until issue 5's store is registered), the clock and the loggers.</summary>
public sealed record CaptureParts(
    Func<CameraDeviceOptions, ICamera> CameraFactory,
    IFrameEncoder Encoder,
    IAccessLog Access,
    IPrivacySettings? Privacy,
    TimeProvider Time,
    ILoggerFactory Loggers);
