using System.Runtime.InteropServices;
using PanelAgent.Station.Configuration;
using PanelAgent.Station.Mqtt;

namespace PanelAgent.Station;

/// <summary>
/// <c>panel-station --config FILE [--client-id ID] [--database FILE]</c>: runs until SIGINT or SIGTERM. Exit codes:
/// 0 stopped, 64 usage, 78 bad configuration (EX_CONFIG, the message names the field).
/// </summary>
public static class StationProgram
{
    public const int ExitUsage = 64;
    public const int ExitConfig = 78;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        if (!TryParse(args, out var configPath, out var overrides))
        {
            await errors.WriteLineAsync("usage: panel-station --config FILE [--client-id ID] [--database FILE]");
            return ExitUsage;
        }

        PanelStation station;
        try
        {
            var options = StationConfigLoader.Load(configPath!);
            options = options with
            {
                ClientId = overrides.GetValueOrDefault("--client-id") ?? options.ClientId,
                Database = overrides.GetValueOrDefault("--database") is { } db ? Path.GetFullPath(db) : options.Database,
            };
            station = PanelStation.Create(options, output, errors);
        }
        catch (StationConfigException e)
        {
            await errors.WriteLineAsync($"panel-station: bad configuration: {e.Message}");
            return ExitConfig;
        }

        await using (station)
        {
            var stop = new TaskCompletionSource();
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
            station.Start();
            await stop.Task;
        }

        return 0;
    }

    private static bool TryParse(string[] args, out string? configPath, out Dictionary<string, string> overrides)
    {
        configPath = null;
        overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--config":
                    configPath = args[i + 1];
                    break;
                case "--client-id" or "--database":
                    overrides[args[i]] = args[i + 1];
                    break;
                default:
                    return false;
            }
        }

        return configPath is not null && args.Length % 2 == 0;
    }
}
