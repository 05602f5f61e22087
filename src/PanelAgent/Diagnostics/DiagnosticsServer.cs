using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;

namespace PanelAgent.Diagnostics;

/// <summary>
/// The technician socket: a Unix stream socket, one JSON request per line, answered by one JSON line (walk-test sends
/// progress lines first). Who may connect is decided by the peer's kernel credentials (<see cref="TechnicianAccess"/>);
/// each session and each command goes to the access log. It runs on the thread pool, apart from the input loop and
/// the engine, whose locks it only takes briefly to read (docs/panelctl.md).
/// </summary>
public sealed partial class DiagnosticsServer : IAsyncDisposable
{
    public const int ProtocolVersion = 1;
    private const int MaxSessions = 8;
    private const int MaxLineLength = 64 * 1024;

    private readonly DiagnosticsOptions _options;
    private readonly DiagnosticsCommands _commands;
    private readonly TechnicianAccess _access;
    private readonly IAccessLog _accessLog;
    private readonly AgentInfo _agent;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sessions = new(MaxSessions);
    private Socket? _listener;

    public DiagnosticsServer(DiagnosticsOptions options, DiagnosticsCommands commands, IAccessLog accessLog,
        DiagnosticsContext context, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        _options = options;
        _commands = commands;
        _access = new TechnicianAccess(options.TechGroup);
        _accessLog = accessLog;
        _agent = context.Agent;
        _time = context.Time;
        _logger = logger;
    }

    /// <summary>Binds the socket (replacing a stale one) and opens it to everyone: the peer check decides, not the mode.</summary>
    public void Start()
    {
        var path = _options.SocketPath;
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        if (File.Exists(path))
        {
            File.Delete(path); // left by a killed agent; a live one would hold the unit's lock first
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        // Everyone may connect so that a refused user gets a clear answer rather than EACCES.
        File.SetUnixFileMode(path, (UnixFileMode)0b110_110_110);
        listener.Listen(MaxSessions);
        _listener = listener;
        Listening(_logger, path, _options.TechGroup);
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var listener = _listener ?? throw new InvalidOperationException("Start() first");
        var sessions = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            sessions.RemoveAll(t => t.IsCompleted);
            sessions.Add(ServeAsync(client, stoppingToken));
        }

        await Task.WhenAll(sessions).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _listener?.Dispose();
        _listener = null;
        try
        {
            File.Delete(_options.SocketPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A socket file left behind is replaced at the next start.
        }

        _sessions.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ServeAsync(Socket client, CancellationToken stoppingToken)
    {
        var admitted = _sessions.Wait(0, CancellationToken.None);
        try
        {
            using var stream = new NetworkStream(client, ownsSocket: true);
            using var reader = new StreamReader(stream);
            await using var writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
            var actor = Admit(client, admitted, out var refusal);
            if (actor is null)
            {
                await WriteAsync(writer, Error(DiagnosticsErrorKinds.Denied, refusal!)).ConfigureAwait(false);
                return;
            }

            await WriteAsync(writer, Hello(actor)).ConfigureAwait(false);
            await SessionAsync(reader, writer, actor, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The technician went away, or the agent is stopping.
        }
        finally
        {
            if (admitted)
            {
                _sessions.Release();
            }
        }
    }

    /// <summary>The actor (<c>technician:&lt;uid&gt;</c>) of an admitted peer, or null with the refusal.</summary>
    private string? Admit(Socket client, bool admitted, out string? refusal)
    {
        var peer = PeerCredentials.Of(client);
        var uid = peer.Uid.ToString(CultureInfo.InvariantCulture);
        refusal = admitted ? _access.Refusal(peer) : "busy: too many technician sessions; try again shortly";
        if (refusal is not null)
        {
            _accessLog.Append(new AccessEntry(_time.GetUtcNow(), "uid:" + uid, AccessActions.SessionRefused, null,
                admitted ? "not root, not in " + _options.TechGroup : "busy"));
            Refused(_logger, peer.Uid, peer.Pid);
            return null;
        }

        var actor = "technician:" + uid;
        _accessLog.Append(new AccessEntry(_time.GetUtcNow(), actor, AccessActions.SessionOpened, null,
            "pid=" + peer.Pid.ToString(CultureInfo.InvariantCulture)));
        SessionOpened(_logger, peer.Uid, peer.Pid);
        return actor;
    }

    private async Task SessionAsync(StreamReader reader, StreamWriter writer, string actor, CancellationToken stoppingToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        while (await reader.ReadLineAsync(session.Token).ConfigureAwait(false) is { } line)
        {
            if (line.Length > MaxLineLength)
            {
                await WriteAsync(writer, Error(DiagnosticsErrorKinds.BadRequest, "request line too long")).ConfigureAwait(false);
                return;
            }

            if (line.Length == 0)
            {
                continue;
            }

            await WriteAsync(writer, await AnswerAsync(line, actor, writer, session.Token).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    private async Task<JsonObject> AnswerAsync(string line, string actor, StreamWriter writer, CancellationToken token)
    {
        try
        {
            var (command, args) = Parse(line);
            var request = new CommandRequest(command, args, actor,
                progress => WriteAsync(writer, new JsonObject { ["progress"] = progress }), token);
            return new JsonObject { ["ok"] = true, ["result"] = await _commands.RunAsync(request).ConfigureAwait(false) };
        }
        catch (DiagnosticsException ex)
        {
            return Error(ex.Kind, ex.Message);
        }
        catch (StorageUnavailableException ex)
        {
            return Error(DiagnosticsErrorKinds.Unavailable, "storage: " + ex.Message);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or IOException or OutOfMemoryException))
        {
            CommandFailed(_logger, ex);
            return Error(DiagnosticsErrorKinds.Failed, $"{ex.GetType().Name} while answering; see 'panelctl logs'");
        }
    }

    private static (string Command, JsonObject Args) Parse(string line)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new DiagnosticsException(DiagnosticsErrorKinds.BadRequest, "not JSON: " + ex.Message);
        }

        if (node is not JsonObject request || request["command"] is not JsonValue command
            || command.GetValueKind() != JsonValueKind.String)
        {
            throw new DiagnosticsException(DiagnosticsErrorKinds.BadRequest, "a request is {\"command\": \"...\", \"args\": {...}}");
        }

        var args = request["args"] switch
        {
            null => [],
            JsonObject given => (JsonObject)given.DeepClone(),
            _ => throw new DiagnosticsException(DiagnosticsErrorKinds.BadRequest, "'args' must be an object"),
        };
        return (command.GetValue<string>(), args);
    }

    private JsonObject Hello(string actor) => new()
    {
        ["ok"] = true,
        ["hello"] = new JsonObject { ["agent"] = "panel-agent", ["version"] = _agent.Version, ["protocol"] = ProtocolVersion, ["actor"] = actor },
    };

    private static JsonObject Error(string kind, string message) => new() { ["ok"] = false, ["kind"] = kind, ["error"] = message };

    private static async Task WriteAsync(StreamWriter writer, JsonObject line)
    {
        await writer.WriteLineAsync(line.ToJsonString()).ConfigureAwait(false);
    }

    [LoggerMessage(7100, LogLevel.Information, "Technician socket listening at {Path} (root and group {Group})")]
    private static partial void Listening(ILogger logger, string path, string group);

    [LoggerMessage(7101, LogLevel.Information, "Technician session opened by uid {Uid} (pid {Pid})")]
    private static partial void SessionOpened(ILogger logger, uint uid, int pid);

    [LoggerMessage(7102, LogLevel.Warning, "Technician socket refused uid {Uid} (pid {Pid})")]
    private static partial void Refused(ILogger logger, uint uid, int pid);

    [LoggerMessage(7103, LogLevel.Error, "A technician command failed")]
    private static partial void CommandFailed(ILogger logger, Exception exception);
}
