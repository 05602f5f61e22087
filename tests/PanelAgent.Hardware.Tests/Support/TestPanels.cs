using System.Text;
using Microsoft.Extensions.Configuration;
using PanelAgent.Hardware.Options;

namespace PanelAgent.Hardware.Tests.Support;

/// <summary>The hardware section in the shape of hardware/panels/*.json, with synthetic zones only.</summary>
internal static class TestPanels
{
    public const string SampleJson = """
        {
          "Hardware": {
            "Gpio": { "Driver": "auto", "Chip": 0, "AllowSysfs": false },
            "Expander": { "Kind": "mcp23017", "Bus": 1, "Address": 32, "InterruptLine": 4 },
            "Inputs": [
              { "Zone": "front-door", "Line": 5, "ActiveLow": true, "TamperLine": 6, "TamperActiveLow": true },
              { "Zone": "water-leak", "OnExpander": true, "Line": 0, "ActiveLow": false, "TamperLine": 1 },
              { "Zone": "hall-pir", "OnExpander": true, "Line": 9, "ActiveLow": true }
            ],
            "Outputs": { "Siren": { "Line": 20, "ActiveLow": false }, "DoorLock": { "Line": 21, "ActiveLow": true }, "SmartPlug": { "Line": 22 } },
            "RereadInterval": "00:00:05",
            "QueueCapacity": 1024
          }
        }
        """;

    /// <summary>The sample, bound the way the host binds it.</summary>
    public static HardwareOptions Sample() => Bind(SampleJson);

    public static HardwareOptions Bind(string json)
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)))
            .Build();
        var options = new HardwareOptions();
        configuration.GetSection(HardwareOptions.SectionName).Bind(options);
        return options;
    }
}
