using PanelAgent.Core.Ports;

namespace PanelAgent.Core.Capture;

/// <summary>
/// Where the coordinator reads persisted events from, keeps its cursor and images, and logs access. The privacy
/// settings may be absent (no P11 restriction store yet): then capture is not restricted.
/// </summary>
public sealed record CaptureStores(
    IPanelLogs Events, IImageStore Images, ICaptureCursor Cursor, IAccessLog Access, IPrivacySettings? Privacy);
