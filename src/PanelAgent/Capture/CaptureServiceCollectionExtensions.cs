using PanelAgent.Core.Ports;
using PanelAgent.Hardware.Camera;
using PanelAgent.Hardware.Simulation.Camera;
using PanelAgent.Options;
using PanelAgent.Runtime;

namespace PanelAgent.Capture;

/// <summary>Registers capture when the config has cameras: one call from <see cref="PanelAgentServices"/>.</summary>
public static class CaptureServiceCollectionExtensions
{
    public static IServiceCollection AddCapture(this IServiceCollection services, PanelConfig config, bool simulate)
    {
        if (config.Cameras is null)
        {
            return services;
        }

        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return new CaptureParts(Cameras(simulate, time), new JpegFrameEncoder(),
                sp.GetService<IAccessLog>() ?? NoAccessLog.Instance, sp.GetService<IPrivacySettings>(), time,
                sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton<Diagnostics.ICameraDiagnostics>(sp => new CaptureCameraDiagnostics(
            sp.GetRequiredService<RuntimeHolder>(), config, sp.GetService<IAccessLog>() ?? NoAccessLog.Instance,
            sp.GetService<IPrivacySettings>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CaptureService>();
        services.AddHostedService(sp => sp.GetRequiredService<CaptureService>());
        return services;
    }

    /// <summary>V4L2 on the board; the synthetic scene under <c>--simulate</c>.</summary>
    public static Func<CameraDeviceOptions, ICamera> Cameras(bool simulate, TimeProvider time) => simulate
        ? d => new SimulatedCamera(d.Id, d.Zone ?? d.Id, time)
        : d => new V4l2Camera(d.Id, d.VideoDevice);
}
