using System.Runtime.InteropServices;
using PanelAgent.Station.Commands;
using PanelAgent.Station.Configuration;
using PanelAgent.Station.Mqtt;
using PanelAgent.Station.Provisioning;

namespace PanelAgent.Station;

/// <summary>
/// <c>panel-station --config FILE [--client-id ID] [--database FILE]</c>: runs until SIGINT or SIGTERM.
/// <c>panel-station command ...</c>: sends one command to one panel and exits. <c>panel-station provision --out DIR
/// --panel ID --panel-config BASE</c>: writes a lab PKI, keys and both configs, and prints the broker port. Exit codes: 0 stopped (or command
/// sent), 64 usage, 69 broker unreachable or refused the command (EX_UNAVAILABLE), 78 bad configuration (EX_CONFIG,
/// the message names the field).
/// </summary>
public static class StationProgram
{
    public const int ExitUsage = 64;
    public const int ExitUnavailable = 69;
    public const int ExitConfig = 78;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        if (args is ["command", .. var rest])
        {
            return await SendCommandAsync(rest, output, errors);
        }

        if (args is ["provision", "--out", var directory, "--panel", var panelId, "--panel-config", var baseConfig])
        {
            return await ProvisionAsync(directory, panelId, baseConfig, output, errors);
        }

        if (!TryParse(args, out var configPath, out var overrides))
        {
            await errors.WriteLineAsync("usage: panel-station --config FILE [--client-id ID] [--database FILE]");
            return ExitUsage;
        }

        PanelStation station;
        try
        {
            var options = WithOverrides(StationConfigLoader.Load(configPath!), overrides);
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

    private static async Task<int> SendCommandAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var parsed = CommandArguments.Parse(args, out var error);
        if (parsed is null)
        {
            await errors.WriteLineAsync($"panel-station: {error}\n{CommandArguments.Usage}");
            return ExitUsage;
        }

        try
        {
            var options = WithOverrides(StationConfigLoader.Load(parsed.ConfigPath), parsed.Overrides);
            if (!await StationCommandSender.SendAsync(options, parsed.PanelId, parsed.Command, errors))
            {
                return ExitUnavailable;
            }
        }
        catch (StationConfigException e)
        {
            await errors.WriteLineAsync($"panel-station: bad configuration: {e.Message}");
            return ExitConfig;
        }

        // The answer comes back as a command.accepted / command.refused event line naming this id.
        await output.WriteLineAsync($"sent {parsed.Command.Command} {parsed.Command.Id} to {parsed.PanelId}");
        return 0;
    }

    /// <summary>A lab PKI, keys and both configs (docs/station.md); prints the broker port the configs name.</summary>
    private static async Task<int> ProvisionAsync(string directory, string panelId, string baseConfig, TextWriter output, TextWriter errors)
    {
        try
        {
            var port = LabProvisioning.Write(directory, panelId, baseConfig);
            await output.WriteLineAsync(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException
            or System.Text.Json.JsonException)
        {
            await errors.WriteLineAsync($"panel-station: provision: {e.Message}");
            return ExitUsage;
        }
    }

    private static StationOptions WithOverrides(StationOptions options, IReadOnlyDictionary<string, string> overrides) =>
        options with
        {
            ClientId = overrides.GetValueOrDefault("--client-id") ?? options.ClientId,
            Database = overrides.GetValueOrDefault("--database") is { } db ? Path.GetFullPath(db) : options.Database,
        };

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
