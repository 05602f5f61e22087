using Iot.Device.Media;
using PanelAgent.Core.Capture;
using PanelAgent.Core.Ports;

namespace PanelAgent.Hardware.Camera;

/// <summary>
/// The camera of a camera-PIR module through Video4Linux2 (<c>/dev/videoN</c>), with Iot.Device.Bindings'
/// <see cref="VideoDevice"/>. Why V4L2: it is the one camera interface Iot.Device.Bindings 4.x drives in-process (its
/// other camera support runs the libcamera-still program), and every USB/UVC and most CSI camera modules appear as
/// <c>/dev/videoN</c>. There is no I2C or SPI camera binding: I2C on a camera module is only its control bus. The
/// device is asked for raw YUYV, never MJPEG, so the panel never decodes a JPEG made by a device it does not trust.
/// The PIR stays an ordinary zone input. The device is opened per burst and closed after, so an unplugged camera shows
/// up as a failed burst (trouble.camera) and a replugged one works again without a restart.
/// </summary>
public sealed class V4l2Camera(string id, int deviceIndex) : ICamera, ICameraExposure
{
    // V4L2_CID_EXPOSURE_ABSOLUTE counts in units of 100 µs (V4L2 API, "Camera Control Reference").
    private static readonly TimeSpan s_exposureUnit = TimeSpan.FromTicks(1000);

    public string Id { get; } = id;

    public TimeSpan? LastExposure { get; private set; }

    public CameraFrame Capture(FrameSize size)
    {
        var settings = new VideoConnectionSettings(deviceIndex, ((uint)size.Width, (uint)size.Height), VideoPixelFormat.YUYV);
        try
        {
            using var device = VideoDevice.Create(settings);
            var data = device.Capture();
            LastExposure = ReadExposure(device);
            return new CameraFrame(size.Width, size.Height, FramePixelFormat.Yuyv, data ?? []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException
            or ArgumentException or DllNotFoundException or EntryPointNotFoundException)
        {
            throw new CameraException($"/dev/video{deviceIndex}: {ex.GetType().Name}", ex);
        }
    }

    /// <summary>Not every module has the control (a fixed-exposure sensor has none): then null, never a failed frame.</summary>
    private static TimeSpan? ReadExposure(VideoDevice device)
    {
        try
        {
            var value = device.GetVideoDeviceValue(VideoDeviceValueType.ExposureTime);
            return value.CurrentValue > 0 ? s_exposureUnit * value.CurrentValue : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        // Nothing held between bursts.
    }
}
