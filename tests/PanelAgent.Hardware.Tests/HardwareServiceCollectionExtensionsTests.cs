using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PanelAgent.Hardware.Options;
using PanelAgent.Hardware.Tests.Support;

namespace PanelAgent.Hardware.Tests;

public class HardwareServiceCollectionExtensionsTests
{
    [Fact]
    public void AddHardwareOptions_SampleSection_BindsIt()
    {
        using ServiceProvider services = Services(TestPanels.SampleJson);

        HardwareOptions options = services.GetRequiredService<IOptions<HardwareOptions>>().Value;

        Assert.Equal(3, options.Inputs.Count);
        Assert.Equal(4, options.Expander!.InterruptLine);
    }

    [Fact]
    public void AddHardwareOptions_BrokenSection_ResolvingThrowsNamingTheField()
    {
        string json = TestPanels.SampleJson.Replace("\"Line\": 9", "\"Line\": 0", StringComparison.Ordinal);
        using ServiceProvider services = Services(json);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HardwareOptions>>().Value);

        Assert.Contains("Hardware:Inputs[2]:Line: expander line 0 is used twice (water-leak, hall-pir)", error.Failures);
    }

    private static ServiceProvider Services(string json)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
            .Build();
        return new ServiceCollection()
            .AddSingleton(configuration)
            .AddHardwareOptions()
            .BuildServiceProvider();
    }
}
