using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PanelAgent.Transport;

public static class TransportServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Link</c> options (validated on start, errors naming the field) and the one <see cref="ConnectionSupervisor"/>.
    /// The host runs <see cref="ConnectionSupervisor.RunAsync"/> from its own BackgroundService.
    /// </summary>
    public static IServiceCollection AddPanelLink(this IServiceCollection services)
    {
        services.AddOptions<MqttLinkOptions>().BindConfiguration(MqttLinkOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttLinkOptions>, MqttLinkOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectionSupervisor>();
        return services;
    }
}
