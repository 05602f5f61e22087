using PanelAgent.Core.Capture;
using PanelAgent.Core.Ports;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace PanelAgent.Hardware.Camera;

/// <summary>
/// Encodes checked frames as baseline JPEG with ImageSharp 2.1.x. The <see cref="Configuration"/> knows the JPEG format
/// only (no other decoder or encoder is reachable) and its allocator refuses more than <see cref="AllocationLimitMegabytes"/>,
/// so a frame that got past the limits still cannot exhaust the panel's memory. Nothing is ever decoded here: the
/// camera hands over raw pixels. The image is built from pixels, so it has no EXIF, ICC or XMP profile to strip; the
/// profiles are cleared anyway, so that no future change can let one through. What remains is the JFIF APP0 header
/// (format version and pixel density), which says nothing about the household.
/// </summary>
public sealed class JpegFrameEncoder : IFrameEncoder
{
    public const int AllocationLimitMegabytes = 48;
    private readonly Configuration _configuration;
    private readonly JpegEncoder _encoder;

    public JpegFrameEncoder(int quality = 75)
    {
        _configuration = new Configuration(new JpegConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = AllocationLimitMegabytes,
                MaximumPoolSizeMegabytes = 8,
            }),
        };
        _encoder = new JpegEncoder { Quality = quality, ColorType = JpegColorType.YCbCrRatio420 };
    }

    public byte[] Encode(CameraFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var rgb = frame.Format == FramePixelFormat.Rgb24 ? frame.Data : Yuyv.ToRgb24(frame.Data, frame.Width, frame.Height);
        try
        {
            using var image = Image.LoadPixelData<Rgb24>(_configuration, rgb, frame.Width, frame.Height);
            image.Metadata.ExifProfile = null;
            image.Metadata.IccProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            using var output = new MemoryStream(frame.Width * frame.Height / 4);
            image.SaveAsJpeg(output, _encoder);
            return output.ToArray();
        }
        catch (Exception ex) when (ex is InvalidMemoryOperationException or ArgumentException or ImageFormatException)
        {
            throw new CameraException("frame could not be encoded: " + ex.GetType().Name, ex);
        }
    }
}
