using PanelAgent.Hardware.Drivers;
using PanelAgent.Options;
using PanelAgent.Runtime;
using PanelAgent.Update.Cli;

namespace PanelAgent;

/// <summary>
/// panel-agent's entry: parse arguments, load and validate the configuration (before anything opens), run the host,
/// and turn each kind of failure into its own exit code so systemd and the OTA pipeline can tell them apart.
/// </summary>
public static class AgentProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["update", .. var updateArgs])
        {
            return await RunUpdateAsync(updateArgs).ConfigureAwait(false);
        }

        var parsed = AgentArguments.Parse(args, out var usageError);
        if (parsed is null || parsed.Help)
        {
            await Console.Error.WriteLineAsync(usageError is null ? AgentArguments.Usage : $"panel-agent: {usageError}\n{AgentArguments.Usage}").ConfigureAwait(false);
            return parsed is null ? ExitCodes.Usage : ExitCodes.Ok;
        }

        if (parsed.Version)
        {
            await Console.Out.WriteLineAsync($"panel-agent {AgentVersion.Text}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        PanelConfig config;
        try
        {
            config = ConfigLoader.Load(parsed.ConfigPath, parsed.ConfigOverrides());
        }
        catch (ConfigException ex)
        {
            foreach (var error in ex.Errors)
            {
                await Console.Error.WriteLineAsync($"panel-agent: config: {error}").ConfigureAwait(false);
            }

            return ExitCodes.Config;
        }

        return await RunHostAsync(config, parsed).ConfigureAwait(false);
    }

    /// <summary><c>panel-agent update ...</c>: the OTA installer (docs/release.md), logging to stderr.</summary>
    private static async Task<int> RunUpdateAsync(string[] args)
    {
        using var loggers = LoggerFactory.Create(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        return await UpdateCommand.RunAsync(args, Console.Out, Console.Error, loggers).ConfigureAwait(false);
    }

    private static async Task<int> RunHostAsync(PanelConfig config, AgentArguments args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = false });
        builder.Services.AddSystemd();
        builder.Services.AddPanelAgent(config, args);
        using var host = builder.Build();
        var holder = host.Services.GetRequiredService<RuntimeHolder>();
        try
        {
            await host.RunAsync().ConfigureAwait(false);
            return holder.ExitCode;
        }
        catch (GpioDriverUnavailableException ex)
        {
            await Console.Error.WriteLineAsync($"panel-agent: hardware: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.HardwareUnavailable;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"panel-agent: fatal: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Fatal;
        }
    }
}
