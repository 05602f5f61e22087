using System.Net;
using System.Net.Sockets;

namespace PanelAgent.TestSupport;

/// <summary>
/// A TCP proxy on loopback that injects link faults between a client and a server: forwards 127.0.0.1:<see cref="Port"/>
/// to 127.0.0.1:<see cref="TargetPort"/> until told to <see cref="CutAll"/> connections (RST, like a dropped link),
/// <see cref="Refuse"/> new ones (the port closes: connection refused), <see cref="Blackhole"/> traffic (connections
/// stay open, bytes are held: a TCP peer sees a silent link, and keep-alives time out), add a <see cref="Delay"/> per
/// chunk, or <see cref="Restore"/> normal forwarding. Bytes are never dropped from inside a live connection (TCP
/// would retransmit them on a real network), so a restored blackhole delivers what was held, in order.
/// Dispose stops listening and resets every connection.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<Link> _links = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _flowing = NewGate(open: true);
    private Socket? _listener;
    private Task _accepting = Task.CompletedTask;
    private long _accepted;
    private long _bytes;

    private FaultProxy(int targetPort) => TargetPort = targetPort;

    /// <summary>The port clients connect to; stays the same across <see cref="Refuse"/> and <see cref="Restore"/>.</summary>
    public int Port { get; private set; }

    public int TargetPort { get; }

    /// <summary>Added before forwarding each chunk, in both directions (zero: none).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Connections accepted since the start (including ones later cut).</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Bytes forwarded in both directions.</summary>
    public long BytesForwarded => Interlocked.Read(ref _bytes);

    public int OpenConnections
    {
        get { lock (_lock) { return _links.Count; } }
    }

    public bool IsRefusing
    {
        get { lock (_lock) { return _listener is null; } }
    }

    public bool IsBlackholed => !_flowing.Task.IsCompleted;

    /// <summary>Listens on 127.0.0.1 (<paramref name="port"/>, or a free port) and forwards to <paramref name="targetPort"/>.</summary>
    public static FaultProxy Start(int targetPort, int port = 0)
    {
        var proxy = new FaultProxy(targetPort);
        proxy.Listen(port);
        return proxy;
    }

    /// <summary>Resets every open connection at once (RST both ways); new connections are still accepted.</summary>
    public void CutAll()
    {
        List<Link> links;
        lock (_lock)
        {
            links = [.. _links];
            _links.Clear();
        }

        foreach (var link in links)
        {
            link.Reset();
        }
    }

    /// <summary>Stops listening: new connections are refused. Open ones are left alone (add <see cref="CutAll"/>).</summary>
    public void Refuse()
    {
        Socket? listener;
        lock (_lock)
        {
            listener = _listener;
            _listener = null;
        }

        listener?.Dispose();
    }

    /// <summary>The link goes down completely: refuse new connections and reset the open ones.</summary>
    public void Down()
    {
        Refuse();
        CutAll();
    }

    /// <summary>Holds every byte in both directions; connections stay open and new ones are accepted but silent.</summary>
    public void Blackhole()
    {
        lock (_lock)
        {
            if (_flowing.Task.IsCompleted)
            {
                _flowing = NewGate(open: false);
            }
        }
    }

    /// <summary>Normal forwarding again: listening on the same port, held bytes released, no delay.</summary>
    public void Restore()
    {
        Delay = TimeSpan.Zero;
        lock (_lock)
        {
            _flowing.TrySetResult();
            if (_listener is not null)
            {
                return;
            }
        }

        Listen(Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Refuse();
        CutAll();
        lock (_lock)
        {
            _flowing.TrySetResult();
        }

        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }

    private static TaskCompletionSource NewGate(bool open)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            gate.SetResult();
        }

        return gate;
    }

    private void Listen(int port)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        // The same port again right after Refuse: the old listening socket must not block the bind.
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(64);
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        lock (_lock)
        {
            _listener = listener;
        }

        _accepting = AcceptLoopAsync(listener);
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return; // Refuse or Dispose closed the listener
            }

            Interlocked.Increment(ref _accepted);
            _ = Task.Run(() => ConnectAsync(client));
        }
    }

    private async Task ConnectAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await server.ConnectAsync(new IPEndPoint(IPAddress.Loopback, TargetPort), _stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The target is down: the client sees its connection reset, as through a router to a dead host.
            new Link(client, server).Reset();
            return;
        }

        client.NoDelay = true;
        server.NoDelay = true;
        var link = new Link(client, server);
        lock (_lock)
        {
            _links.Add(link);
        }

        await Task.WhenAll(PumpAsync(link, client, server), PumpAsync(link, server, client)).ConfigureAwait(false);
        lock (_lock)
        {
            _links.Remove(link);
        }

        link.Reset();
    }

    private async Task PumpAsync(Link link, Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, link.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send); // pass the FIN on
                    return;
                }

                await _flowing.Task.WaitAsync(link.Token).ConfigureAwait(false);
                if (Delay > TimeSpan.Zero)
                {
                    await Task.Delay(Delay, link.Token).ConfigureAwait(false);
                }

                // Counted before the send: whoever sees the bytes arrive must also see them counted.
                Interlocked.Add(ref _bytes, read);
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, link.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            link.Reset(); // one side failed: the other side must see it too, or it would wait forever
        }
    }

    /// <summary>Both sockets of one proxied connection.</summary>
    private sealed class Link(Socket client, Socket server)
    {
        private readonly CancellationTokenSource _cancel = new();
        private int _reset;

        public CancellationToken Token => _cancel.Token;

        /// <summary>RST both sockets (linger 0), once.</summary>
        public void Reset()
        {
            if (Interlocked.Exchange(ref _reset, 1) == 1)
            {
                return;
            }

            _cancel.Cancel();
            foreach (var socket in new[] { client, server })
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // Already gone.
                }
            }
        }
    }
}
