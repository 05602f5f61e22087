using System.Net.Sockets;

namespace PanelAgent.Faults;

/// <summary>The client side of panel-agent's <c>--sim-control</c> socket: one command line, one answer line.</summary>
internal sealed class SimControl : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;
    private readonly SemaphoreSlim _turn = new(1, 1);

    private SimControl(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(_stream, leaveOpen: true);
        _writer = new StreamWriter(_stream, leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
    }

    /// <summary>Connects, retrying while the agent is still binding the socket.</summary>
    public static async Task<SimControl> ConnectAsync(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path)).ConfigureAwait(false);
                return new SimControl(socket);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                socket.Dispose();
                await Task.Delay(50).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs one command; throws when the agent answers <c>error</c> or the connection ends.</summary>
    public async Task<string> SendAsync(string command)
    {
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            await _writer.WriteLineAsync(command).ConfigureAwait(false);
            var reply = await _reader.ReadLineAsync().ConfigureAwait(false)
                ?? throw new IOException($"sim-control closed during '{command}'");
            return reply.StartsWith("ok", StringComparison.Ordinal)
                ? reply
                : throw new InvalidOperationException($"sim-control '{command}': {reply}");
        }
        finally
        {
            _turn.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _writer.Dispose();
        _stream.Dispose();
        _socket.Dispose();
        _turn.Dispose();
        return ValueTask.CompletedTask;
    }
}
