using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PanelAgent.Hardware.Options;

namespace PanelAgent.Hardware;

/// <summary>Registration of the hardware section for the hosts.</summary>
public static class HardwareServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="HardwareOptions"/> from the <c>Hardware</c> section and validates it on start with
    /// <see cref="HardwareOptionsValidator"/>, so a bad panel file stops the service naming the field.
    /// Building <see cref="PanelHardware"/> (real or simulated) is left to the host.
    /// </summary>
    public static IServiceCollection AddHardwareOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<HardwareOptions>().BindConfiguration(HardwareOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HardwareOptions>, HardwareOptionsValidator>());
        return services;
    }
}
