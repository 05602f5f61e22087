using System.Net;
using System.Net.Sockets;
using System.Text;
using PanelAgent.TestSupport;

namespace PanelAgent.Broker.Tests;

/// <summary>The fault-injecting proxy of TestSupport, against a loopback echo server.</summary>
public sealed class FaultProxyTests : IAsyncLifetime
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);
    private readonly TcpListener _echo = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private FaultProxy _proxy = null!;
    private Task _serving = Task.CompletedTask;

    public Task InitializeAsync()
    {
        _echo.Start();
        _serving = ServeAsync();
        _proxy = FaultProxy.Start(((IPEndPoint)_echo.LocalEndpoint).Port);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Forward_BytesBothWays_EchoedAndCounted()
    {
        using var client = await ConnectAsync();

        Assert.Equal("hello", await RoundTripAsync(client, "hello"));
        Assert.Equal(10, _proxy.BytesForwarded);
        Assert.Equal(1, _proxy.OpenConnections);
    }

    [Fact]
    public async Task CutAll_OpenConnection_IsResetAndNewOnesStillWork()
    {
        using var client = await ConnectAsync();
        await RoundTripAsync(client, "a");

        _proxy.CutAll();

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await RoundTripAsync(client, "b"); // reset: the read fails or ends
        });
        using var again = await ConnectAsync();
        Assert.Equal("c", await RoundTripAsync(again, "c"));
    }

    [Fact]
    public async Task Refuse_NewConnection_IsRefusedUntilRestoredOnTheSamePort()
    {
        var port = _proxy.Port;
        _proxy.Refuse();

        var refused = await Assert.ThrowsAsync<SocketException>(() => ConnectAsync());
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        _proxy.Restore();
        using var client = await ConnectAsync();
        Assert.Equal(port, _proxy.Port);
        Assert.Equal("d", await RoundTripAsync(client, "d"));
    }

    [Fact]
    public async Task Blackhole_BytesHeldUntilRestoreThenDeliveredInOrder()
    {
        using var client = await ConnectAsync();
        var stream = client.GetStream();
        _proxy.Blackhole();

        await stream.WriteAsync("first "u8.ToArray());
        await stream.WriteAsync("second"u8.ToArray());
        var reading = ReadAsync(stream, 12);
        var early = await Task.WhenAny(reading, Task.Delay(300));
        Assert.NotSame(reading, early); // nothing came through the blackhole
        _proxy.Restore();

        Assert.Equal("first second", await reading.WaitAsync(s_patience));
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _stop.CancelAsync();
        _echo.Stop();
        await _serving;
        _stop.Dispose();
    }

    private async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, _proxy.Port);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<string> RoundTripAsync(TcpClient client, string text)
    {
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text));
        return await ReadAsync(stream, text.Length).WaitAsync(s_patience);
    }

    private static async Task<string> ReadAsync(NetworkStream stream, int length)
    {
        var buffer = new byte[length];
        await stream.ReadExactlyAsync(buffer);
        return Encoding.ASCII.GetString(buffer);
    }

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                var connection = await _echo.AcceptTcpClientAsync(_stop.Token);
                _ = EchoAsync(connection);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task EchoAsync(TcpClient connection)
    {
        using (connection)
        {
            try
            {
                await connection.GetStream().CopyToAsync(connection.GetStream(), _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The proxy reset it, or the test ended.
            }
        }
    }
}
