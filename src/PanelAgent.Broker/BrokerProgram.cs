using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using PanelAgent.Broker.Configuration;

namespace PanelAgent.Broker;

/// <summary>
/// <c>panel-broker --config FILE [--port N]</c>: runs until SIGINT or SIGTERM. Exit codes: 0 stopped, 64 usage,
/// 69 cannot listen (EX_UNAVAILABLE: address in use or not local), 78 bad configuration (EX_CONFIG, names the field).
/// </summary>
public static class BrokerProgram
{
    public const int ExitUsage = 64;
    public const int ExitUnavailable = 69;
    public const int ExitConfig = 78;

    public static async Task<int> RunAsync(string[] args, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        if (args is not (["--config", _] or ["--config", _, "--port", _]))
        {
            await errors.WriteLineAsync("usage: panel-broker --config FILE [--port N]");
            return ExitUsage;
        }

        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter("Microsoft", LogLevel.Warning));
        PanelBroker broker;
        try
        {
            var options = BrokerConfigLoader.Load(args[1]);
            if (args.Length == 4)
            {
                options = options with { Port = int.TryParse(args[3], out var port) ? port : -1 };
            }

            broker = await PanelBroker.StartAsync(options, loggers);
        }
        catch (BrokerConfigException e)
        {
            await errors.WriteLineAsync($"panel-broker: bad configuration: {e.Message}");
            return ExitConfig;
        }
        catch (SocketException e)
        {
            await errors.WriteLineAsync($"panel-broker: cannot listen: {e.Message}");
            return ExitUnavailable;
        }

        await using (broker)
        {
            var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
            await stop.Task;
        }

        return 0;
    }
}
