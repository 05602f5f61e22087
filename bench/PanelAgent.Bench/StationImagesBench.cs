using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Core.Capture;
using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Hardware.Camera;
using PanelAgent.Hardware.Simulation.Camera;
using PanelAgent.Station.Mqtt;
using PanelAgent.Storage.Images;
using PanelAgent.Transport.Images;

namespace PanelAgent.Bench;

/// <summary>
/// The station leg of "images": an intrusion alarm committed on the panel → its first verification image written by
/// panel-station, through everything a real alarm goes through: the event uplink (the alarm first, acknowledged by the
/// station), capture of a 640×480 burst, encode, encrypted store, the image uplink (chunks sealed under the packet
/// limit), Mosquitto with mutual TLS, and the station's reassembly, verification and file write.
/// </summary>
internal sealed class StationImagesBench(BenchArguments args, TextWriter progress)
{
    private const string Zone = "hall-pir";

    public async Task<List<double>> MeasureAsync(string scratch)
    {
        await using var world = await LinkWorld.StartAsync(Path.GetFullPath(args.ConfigPath), scratch);
        using var lines = new ImageLines();
        await using var station = PanelStation.Create(world.StationOptions("station-images", Path.Combine(scratch, "station.db"),
            Directory.CreateDirectory(Path.Combine(scratch, "station-images")).FullName), lines, TextWriter.Null);
        station.Start();
        await station.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        var config = BenchConfig.Load(world.PanelConfigPath, Directory.CreateDirectory(Path.Combine(scratch, "panel")).FullName, Zone);
        await using var panel = new LinkPanel(config, Zone);
        using var images = SqliteImageStore.Open(config.Storage.Path,
            new ImageStoreOptions { Directory = Path.Combine(scratch, "panel-images"), QuotaBytes = 256L << 20 },
            Capture.NoAccessLog.Instance, TimeProvider.System, NullLogger.Instance);
        var coordinator = Coordinator(panel, images);
        ImageUplink? uplink = null;
        coordinator.ImagesReady += _ => uplink?.Notify();
        await panel.StartLinkAsync(async (sealer, link, ct) =>
        {
            uplink = new ImageUplink(images, panel.Store, sealer, link, new ImageUplinkOptions(LinkWorld.PanelId),
                TimeProvider.System, NullLogger.Instance);
            // As the agent's ImageLink does: the alarm's ack releases its images.
            panel.Uplink!.Acknowledged += (_, _) => uplink.Notify();
            panel.Uplink.ImagesAcknowledged += uplink.Acknowledge; // delivered once the station has written them
            try
            {
                await uplink.RunAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The link run ended.
            }
        });
        try
        {
            await LinkWorld.UntilAsync(() => panel.PendingCount == 0, "start-up events acknowledged");
            progress.WriteLine("images: alarm → first image at the station");
            return Rounds(panel, coordinator, lines, images);
        }
        finally
        {
            await panel.StopLinkAsync(); // the image sender records acks in the image store: stopped before it closes
        }
    }

    private List<double> Rounds(LinkPanel panel, CaptureCoordinator coordinator, ImageLines lines, SqliteImageStore images)
    {
        var samples = new List<double>();
        for (var round = 0; round < (args.Quick ? 6 : 30); round++)
        {
            // A disarm between alarms ends the previous one, as a household's would; it takes no picture.
            panel.Store.Commit([new PanelEvent(EventKinds.Disarmed, DateTimeOffset.UtcNow)], PanelState.Initial);
            coordinator.ProcessPending();
            var before = lines.Count;
            var started = Stopwatch.GetTimestamp();
            panel.Store.Commit([new PanelEvent(EventKinds.AlarmIntrusion, DateTimeOffset.UtcNow, Zone)], PanelState.Initial);
            panel.NotifyUplink();
            coordinator.ProcessPending();
            lines.WaitFor(before + 1);
            var first = lines.StampOf(before);
            lines.WaitFor(before + 3); // the whole burst, so the next round starts clean:
            // written at the station, and its acknowledgements recorded on the panel (a commit each, which would
            // otherwise share the disk with the next alarm's commit)
            LinkWorld.UntilAsync(() => images.Unsent(10).Count == 0, "the burst acknowledged").GetAwaiter().GetResult();
            if (round > 0) // the first round warms the JIT on both sides
            {
                samples.Add(Stats.Ms(started, first));
            }
        }

        return samples;
    }

    private static CaptureCoordinator Coordinator(LinkPanel panel, SqliteImageStore images) => new(
        new CaptureSettings
        {
            Cameras = [CameraDefinition.InZone("hall-cam", Zone)],
            Zones = new Dictionary<string, ZoneType> { [Zone] = ZoneType.CameraPir },
        },
        new BurstSettings { Frames = 3, Size = FrameSize.Vga },
        new CaptureDevices(new Dictionary<string, Core.Ports.ICamera>
        {
            ["hall-cam"] = new SimulatedCamera("hall-cam", Zone, TimeProvider.System),
        }, new JpegFrameEncoder()),
        new CaptureStores(panel.Store, images, images, Capture.NoAccessLog.Instance, null),
        TimeProvider.System, NullLogger.Instance);

    /// <summary>The station's stdout: stamps each image line as it is written.</summary>
    private sealed class ImageLines : TextWriter
    {
        private readonly StringBuilder _line = new();
        private readonly List<long> _stamps = [];
        private readonly SemaphoreSlim _signal = new(0);

        public override Encoding Encoding => Encoding.UTF8;

        public int Count
        {
            get { lock (_stamps) { return _stamps.Count; } }
        }

        public long StampOf(int index)
        {
            lock (_stamps)
            {
                return _stamps[index];
            }
        }

        public override void Write(char value)
        {
            if (value != '\n')
            {
                _line.Append(value);
                return;
            }

            var at = Stopwatch.GetTimestamp();
            using var json = JsonDocument.Parse(_line.ToString());
            _line.Clear();
            if (json.RootElement.TryGetProperty("image", out _))
            {
                lock (_stamps)
                {
                    _stamps.Add(at);
                }

                _signal.Release();
            }
        }

        public void WaitFor(int count)
        {
            while (Count < count)
            {
                if (!_signal.Wait(TimeSpan.FromSeconds(30)))
                {
                    throw new InvalidOperationException($"the station wrote {Count} images, expected {count}");
                }
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _signal.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
