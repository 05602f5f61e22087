using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PanelAgent.Cli;

/// <summary>
/// One session on the agent's technician socket: connect, read the greeting (or the refusal), then one JSON request
/// per line, answered by progress lines (walk test) and one final line.
/// </summary>
internal sealed class AgentClient : IDisposable
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private AgentClient(Socket socket)
    {
        _socket = socket;
        var stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(stream);
        _writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
    }

    /// <exception cref="CliException">The agent cannot be reached, refused the session, or spoke nonsense.</exception>
    public static async Task<AgentClient> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new CliException(CliExitCodes.Unavailable,
                $"cannot reach panel-agent at {socketPath}: {ex.Message} (is it running? --socket names another path)");
        }

        var client = new AgentClient(socket);
        try
        {
            var hello = await client.ReadAsync(cancellationToken).ConfigureAwait(false);
            ThrowIfError(hello);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends one request; calls <paramref name="progress"/> for each progress line; returns the result.</summary>
    public async Task<JsonObject> RequestAsync(string command, JsonObject args, Func<JsonObject, Task>? progress,
        CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["command"] = command, ["args"] = args };
        await _writer.WriteLineAsync(request.ToJsonString().AsMemory(), cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var line = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (line["progress"] is JsonObject update)
            {
                if (progress is not null)
                {
                    await progress(update).ConfigureAwait(false);
                }

                continue;
            }

            ThrowIfError(line);
            return line["result"] as JsonObject ?? throw Protocol("an answer without a result");
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _reader.Dispose();
        _socket.Dispose();
    }

    private static void ThrowIfError(JsonObject line)
    {
        if (line["ok"] is JsonValue ok && ok.GetValueKind() == JsonValueKind.True)
        {
            return;
        }

        var kind = line["kind"]?.GetValue<string>();
        throw new CliException(CliExitCodes.ForErrorKind(kind), line["error"]?.GetValue<string>() ?? "the agent refused");
    }

    private async Task<JsonObject> ReadAsync(CancellationToken cancellationToken)
    {
        var line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new CliException(CliExitCodes.Unavailable, "panel-agent closed the connection");
        try
        {
            return JsonNode.Parse(line) as JsonObject ?? throw Protocol("a line that is not a JSON object");
        }
        catch (JsonException)
        {
            throw Protocol("a line that is not JSON");
        }
    }

    private static CliException Protocol(string what) => new(CliExitCodes.Protocol, $"panel-agent sent {what}");
}
