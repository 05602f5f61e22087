using PanelAgent.Core.Capture;
using PanelAgent.Core.Zones;
using PanelAgent.Storage.Images;

namespace PanelAgent.Options;

/// <summary>
/// The optional <c>Cameras</c> section (issue 4): the cameras, what the panel may capture for (P1-P4), the burst and
/// where images are kept. Without it the panel has no cameras and takes no picture.
/// </summary>
public sealed class CamerasOptions
{
    public const string SectionName = "Cameras";

    public bool CaptureOnPanic { get; set; }

    public bool CaptureOnSilent { get; set; }

    public bool SabotageCheck { get; set; }

    public BurstOptions Burst { get; set; } = new();

    public ImageStoreOptions Images { get; set; } = new();

    public List<CameraDeviceOptions> Devices { get; set; } = [];

    /// <summary>The broker's packet limit: every sealed image chunk stays under it.</summary>
    public int PacketLimit { get; set; } = Transport.Images.ImageUplinkOptions.DefaultPacketLimit;

    public CaptureSettings ToCaptureSettings(IReadOnlyDictionary<string, ZoneType> zones) => new()
    {
        Cameras = [.. Devices.Select(d => new CameraDefinition(d.Id, d.Zone, d.Follows, d.VerifiesFire, d.Covers, d.SabotageCheck))],
        Zones = zones,
        CaptureOnPanic = CaptureOnPanic,
        CaptureOnSilent = CaptureOnSilent,
        SabotageCheck = SabotageCheck,
    };

    public BurstSettings ToBurstSettings()
    {
        FrameSize.TryParse(Burst.Resolution, out var size);
        return new BurstSettings { Frames = Burst.Frames, Interval = Burst.Interval, Size = size };
    }

    /// <summary>Every problem, each naming its field (<c>Cameras:Devices[0]:Zone: ...</c>).</summary>
    public IEnumerable<string> Validate(IReadOnlyDictionary<string, ZoneType> zones)
    {
        const string s = SectionName;
        if (Burst.Frames is < 1 or > BurstSettings.MaxFrames)
        {
            yield return $"{s}:Burst:Frames: must be 1 to {BurstSettings.MaxFrames}, got {Burst.Frames}.";
        }

        if (Burst.Interval < TimeSpan.Zero || Burst.Interval > BurstSettings.MaxInterval)
        {
            yield return $"{s}:Burst:Interval: must be 0 to {BurstSettings.MaxInterval}, got {Burst.Interval}.";
        }

        if (!FrameSize.TryParse(Burst.Resolution, out _))
        {
            yield return $"{s}:Burst:Resolution: must be one of {string.Join(", ", FrameSize.Supported)}, got '{Burst.Resolution}'.";
        }

        if (PacketLimit < Transport.Images.ImageUplinkOptions.MinPacketLimit)
        {
            yield return $"{s}:PacketLimit: must be at least {Transport.Images.ImageUplinkOptions.MinPacketLimit}, got {PacketLimit}.";
        }

        foreach (var error in Images.Validate($"{s}:Images"))
        {
            yield return error;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Devices.Count; i++)
        {
            foreach (var error in ValidateDevice(Devices[i], $"{s}:Devices[{i}]", zones, ids))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<string> ValidateDevice(
        CameraDeviceOptions d, string at, IReadOnlyDictionary<string, ZoneType> zones, HashSet<string> ids)
    {
        if (d.Id.Length is 0 or > 64 || !d.Id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            yield return $"{at}:Id: must be 1-64 letters, digits or dashes.";
        }
        else if (!ids.Add(d.Id))
        {
            yield return $"{at}:Id: '{d.Id}' is used twice.";
        }

        if (d.Zone is not null && !Is(zones, d.Zone, ZoneType.CameraPir))
        {
            yield return $"{at}:Zone: '{d.Zone}' is not a camera-pir zone under Panel:Zones.";
        }

        foreach (var (field, list, types) in new (string, List<string>, ZoneType[])[]
        {
            ("Follows", d.Follows, [ZoneType.CameraPir]), ("VerifiesFire", d.VerifiesFire, [ZoneType.Fire]),
            ("Covers", d.Covers, [ZoneType.Panic, ZoneType.Silent]),
        })
        {
            foreach (var zone in list.Where(z => !types.Any(t => Is(zones, z, t))))
            {
                yield return $"{at}:{field}: '{zone}' is not a {string.Join(" or ", types).ToLowerInvariant()} zone under Panel:Zones.";
            }
        }

        if (d.VideoDevice is < 0 or > 63)
        {
            yield return $"{at}:VideoDevice: must be 0 to 63 (/dev/videoN), got {d.VideoDevice}.";
        }
    }

    private static bool Is(IReadOnlyDictionary<string, ZoneType> zones, string zone, ZoneType type) =>
        zones.TryGetValue(zone, out var t) && t == type;
}
