using System.Globalization;
using Microsoft.Extensions.Logging;
using PanelAgent.Capture;
using PanelAgent.Hardware.Camera;
using PanelAgent.Hardware.Simulation.Camera;
using PanelAgent.Options;
using PanelAgent.Runtime;

namespace PanelAgent.Hil.Targets;

/// <summary>
/// The simulation's cameras and capture: the synthetic cameras live as long as the board (a restart keeps their mode),
/// the capture runtime as long as each panel runtime. Capture runs synchronously when the target settles, after the
/// events are persisted, as the coordinator does on the panel; frames are not paced on virtual time.
/// </summary>
internal sealed class SimulatedCameras
{
    private readonly PanelConfig _config;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly Dictionary<string, SimulatedCamera> _cameras = new(StringComparer.Ordinal);
    private readonly InMemoryAccessLog _access = new();
    private CaptureRuntime? _capture;

    public SimulatedCameras(PanelConfig config, TimeProvider time, ILoggerFactory loggers)
    {
        _config = config;
        _time = time;
        _loggers = loggers;
        foreach (var device in config.Cameras?.Devices ?? [])
        {
            _cameras[device.Id] = new SimulatedCamera(device.Id, device.Zone ?? device.Id, time);
        }
    }

    public void Attach(PanelRuntime runtime)
    {
        var parts = new CaptureParts(d => new SharedCamera(_cameras[d.Id]), new JpegFrameEncoder(), _access, null, _time, _loggers);
        _capture = CaptureRuntime.TryStart(_config, runtime, parts);
    }

    public void Detach()
    {
        _capture?.Dispose();
        _capture = null;
    }

    public void Settle(DateTimeOffset now)
    {
        _capture?.Coordinator.ProcessPending();
        _capture?.Images.Prune(now);
    }

    public void SetMode(string camera, string mode)
    {
        if (!_cameras.TryGetValue(camera, out var simulated))
        {
            throw new InvalidOperationException($"the panel has no camera '{camera}'");
        }

        simulated.Mode = Enum.Parse<SimulatedCameraMode>(mode, ignoreCase: true);
    }

    /// <summary>Station commands: <c>picture</c> (a request, refused unless an alarm is open) and <c>hold</c> (police
    /// hold of the newest alarm's images).</summary>
    public void Station(string command, string? camera, TimeSpan? hold, DateTimeOffset now)
    {
        var capture = _capture ?? throw new InvalidOperationException("the panel has no cameras");
        if (command == "picture")
        {
            capture.Coordinator.Request("station", camera!);
        }
        else if (capture.Images.LatestAlarm() is { } alarm)
        {
            capture.Images.Hold(alarm, now + hold!.Value, "station");
        }
    }

    public string? ReadFigure(string figure) => figure switch
    {
        "images.stored" => Count(_capture?.Images.Count ?? 0),
        "images.withheld" => Count(_capture?.Images.WithheldCount ?? 0),
        "access.count" => Count(_access.Count),
        _ => null,
    };

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Lends a board camera to one capture runtime without letting it dispose the camera.</summary>
    private sealed class SharedCamera(SimulatedCamera inner) : Core.Ports.ICamera
    {
        public string Id => inner.Id;

        public Core.Capture.CameraFrame Capture(Core.Capture.FrameSize size) => inner.Capture(size);

        public void Dispose()
        {
        }
    }

    private sealed class InMemoryAccessLog : Core.Ports.IAccessLog
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Append(Core.Privacy.AccessEntry entry) => Interlocked.Increment(ref _count);
    }
}
