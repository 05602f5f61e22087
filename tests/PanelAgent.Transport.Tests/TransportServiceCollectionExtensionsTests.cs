using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PanelAgent.Transport.Tests;

public sealed class TransportServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        return services.AddPanelLink().BuildServiceProvider();
    }

    [Fact]
    public void AddPanelLink_BrokerListInConfiguration_BindsInOrder()
    {
        using var provider = Build(new()
        {
            ["Link:PanelId"] = "panel-a", ["Link:CaFile"] = _file, ["Link:ClientCertFile"] = _file,
            ["Link:ClientKeyFile"] = _file, ["Link:PublishDeadline"] = "00:00:05",
            ["Link:Brokers:0:Host"] = "primary", ["Link:Brokers:1:Host"] = "backup", ["Link:Brokers:1:Port"] = "18883",
        });

        var options = provider.GetRequiredService<IOptions<MqttLinkOptions>>().Value;

        Assert.Equal(["primary:8883", "backup:18883"], options.Brokers.Select(b => b.ToString()));
        Assert.Equal(TimeSpan.FromSeconds(5), options.PublishDeadline);
        Assert.NotNull(provider.GetRequiredService<ConnectionSupervisor>());
    }

    [Fact]
    public void AddPanelLink_BadPort_FailsNamingTheField()
    {
        using var provider = Build(new()
        {
            ["Link:PanelId"] = "panel-a", ["Link:CaFile"] = _file, ["Link:ClientCertFile"] = _file,
            ["Link:ClientKeyFile"] = _file, ["Link:Brokers:0:Host"] = "primary", ["Link:Brokers:0:Port"] = "70000",
        });

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<MqttLinkOptions>>().Value);

        Assert.Contains("Link:Brokers[0]:Port: must be between 1 and 65535, got 70000.", error.Failures);
    }

    public void Dispose() => File.Delete(_file);
}
