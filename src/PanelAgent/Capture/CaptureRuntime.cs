using PanelAgent.Core.Capture;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Options;
using PanelAgent.Runtime;
using PanelAgent.Storage;
using PanelAgent.Storage.Images;

namespace PanelAgent.Capture;

/// <summary>
/// The cameras of one running panel: the image store on the panel's database, the cameras, and the coordinator that
/// follows the persisted events. Attached after the panel has started: nothing is missed, because the coordinator reads
/// the durable log from its durable cursor. Camera trouble goes back to the panel as <c>trouble.camera</c>. Used by the
/// host's <c>CaptureService</c> and by the scenario runner's simulation alike.
/// </summary>
public sealed class CaptureRuntime : IDisposable
{
    private readonly PanelRuntime _runtime;
    private CaptureRuntime(PanelRuntime runtime, SqliteImageStore images, CaptureCoordinator coordinator, IReadOnlyList<GuardedCamera> cameras)
    {
        _runtime = runtime;
        Cameras = cameras;
        Images = images;
        Coordinator = coordinator;
        runtime.Panel.EventRaised += OnEvent;
        coordinator.Trouble += runtime.Panel.Handle;
    }

    public SqliteImageStore Images { get; }

    public CaptureCoordinator Coordinator { get; }

    /// <summary>The cameras, shared one frame at a time by the bursts and the technician's camera test.</summary>
    public IReadOnlyList<GuardedCamera> Cameras { get; }

    /// <summary>The broker packet limit image chunks must fit under (<c>Cameras:PacketLimit</c>).</summary>
    public int PacketLimit { get; private init; } = Transport.Images.ImageUplinkOptions.DefaultPacketLimit;

    /// <summary>Starts capture, or returns null when the panel runs without its database (no cursor, no key rows).</summary>
    public static CaptureRuntime? TryStart(PanelConfig config, PanelRuntime runtime, CaptureParts parts)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(parts);
        var cameras = config.Cameras;
        if (cameras is null || runtime.Store is not SqliteEventStore)
        {
            return null;
        }

        var logger = parts.Loggers.CreateLogger<CaptureRuntime>();
        var images = SqliteImageStore.Open(config.Storage.Path, cameras.Images, parts.Access, parts.Time, logger);
        var devices = cameras.Devices.Select(d => new GuardedCamera(parts.CameraFactory(d))).ToList();
        var settings = cameras.ToCaptureSettings(CamerasBinder.ZoneTypesOf(config.Panel));
        var coordinator = new CaptureCoordinator(settings, cameras.ToBurstSettings(),
            new CaptureDevices(devices.ToDictionary(c => c.Id, c => (ICamera)c, StringComparer.Ordinal), parts.Encoder),
            new CaptureStores(runtime.Store, images, images, parts.Access, parts.Privacy),
            parts.Time, parts.Loggers.CreateLogger<CaptureCoordinator>());
        return new CaptureRuntime(runtime, images, coordinator, devices) { PacketLimit = cameras.PacketLimit };
    }

    public void Dispose()
    {
        _runtime.Panel.EventRaised -= OnEvent;
        Coordinator.Trouble -= _runtime.Panel.Handle;
        foreach (var camera in Cameras)
        {
            camera.Dispose();
        }

        Images.Dispose();
    }

    /// <summary>Runs on the engine's thread, under its lock: only signals.</summary>
    private void OnEvent(PanelEvent e) => Coordinator.Notify();
}
