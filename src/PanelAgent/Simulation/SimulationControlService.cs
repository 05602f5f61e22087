using System.Net.Sockets;

namespace PanelAgent.Simulation;

/// <summary>
/// Simulation only (<c>--simulate --sim-control PATH</c>): a Unix socket, mode 0600, on which a test or the fault
/// campaign drives the simulated board and clock one line at a time (<see cref="SimulationCommands"/>). Several clients
/// may be connected; each is served in order.
/// </summary>
public sealed partial class SimulationControlService(
    SimulationCommands commands, string socketPath, ILogger<SimulationControlService> logger) : BackgroundService
{
    private readonly List<Task> _clients = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        File.Delete(socketPath); // a stale socket from a killed run would make the bind fail
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        listener.Listen(8);
        Listening(logger, socketPath);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
                lock (_clients)
                {
                    _clients.RemoveAll(t => t.IsCompleted);
                    _clients.Add(ServeAsync(client, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            File.Delete(socketPath);
        }

        Task[] open;
        lock (_clients)
        {
            open = [.. _clients];
        }

        await Task.WhenAll(open).ConfigureAwait(false);
    }

    private async Task ServeAsync(Socket client, CancellationToken stoppingToken)
    {
        try
        {
            await using var stream = new NetworkStream(client, ownsSocket: true);
            using var reader = new StreamReader(stream);
            await using var writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
            while (await reader.ReadLineAsync(stoppingToken).ConfigureAwait(false) is { } line)
            {
                var reply = await commands.RunAsync(line, stoppingToken).ConfigureAwait(false);
                // The verb only: arguments name zones, and nothing here needs them in the journal.
                Command(logger, line.Split(' ', 2)[0], reply.StartsWith("ok", StringComparison.Ordinal));
                await writer.WriteLineAsync(reply).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            ClientEnded(logger, e.GetType().Name);
        }
    }

    [LoggerMessage(9200, LogLevel.Information, "Simulation control listening on {SocketPath}")]
    private static partial void Listening(ILogger logger, string socketPath);

    [LoggerMessage(9201, LogLevel.Debug, "Simulation control: {Verb} (ok: {Ok})")]
    private static partial void Command(ILogger logger, string verb, bool ok);

    [LoggerMessage(9202, LogLevel.Debug, "Simulation control client ended: {Reason}")]
    private static partial void ClientEnded(ILogger logger, string reason);
}
