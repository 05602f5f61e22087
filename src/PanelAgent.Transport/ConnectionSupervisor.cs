using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;

namespace PanelAgent.Transport;

/// <summary>
/// Owns the panel's one MQTT 5 connection: a single loop connects (endpoints in order, jittered backoff per failed
/// round), pings while connected, and is woken by the disconnected handler. MQTTnet 5 has no managed client, and
/// reconnecting from inside DisconnectedAsync risks deadlocks (MQTTnet samples), so that handler only signals.
/// </summary>
public sealed partial class ConnectionSupervisor : IAsyncDisposable, IDisposable
{
    private readonly MqttLinkOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IMqttClient _client;
    private readonly Channel<bool> _wake =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private TaskCompletionSource _nextConnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LinkCredentials? _credentials;

    public ConnectionSupervisor(IOptions<MqttLinkOptions> options, ILogger<ConnectionSupervisor> logger,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _time = time;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
    }

    /// <summary>Raised from the supervisor loop after each successful connect and re-subscription.</summary>
    public event EventHandler<LinkConnectedEventArgs>? Connected;

    /// <summary>Raised when an established connection is lost. Handlers must not block: they run on MQTTnet's thread.</summary>
    public event EventHandler? Disconnected;

    public bool IsConnected => _client.IsConnected;

    /// <summary>
    /// Makes the retained last will (the panel's sealed <c>offline</c> status), called at every connect because the
    /// will travels in CONNECT [MQTT-3.1.2-9]. Without it no will is set: nothing unsealed reaches the broker. The
    /// online announcement and heartbeats are the status sender's, on the same topic.
    /// </summary>
    public Func<byte[]>? LastWill { get; set; }

    /// <summary>The endpoint of the current or last connection; null before the first.</summary>
    public BrokerEndpoint? CurrentEndpoint { get; private set; }

    /// <summary>Completes when the link is up (at once if it is up now).</summary>
    public Task WaitConnectedAsync(CancellationToken cancellationToken)
    {
        var next = Volatile.Read(ref _nextConnect);
        return IsConnected ? Task.CompletedTask : next.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The supervisor loop; run it from a BackgroundService. Returns when <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failedRounds = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (_client.IsConnected)
                {
                    await SuperviseAsync(cancellationToken).ConfigureAwait(false);
                }
                else if (await TryConnectRoundAsync(cancellationToken).ConfigureAwait(false))
                {
                    failedRounds = 0;
                }
                else
                {
                    var delay = Backoff.Delay(failedRounds++, _options.BackoffMin, _options.BackoffMax,
                        Random.Shared.NextDouble());
                    TransportLog.BackingOff(_logger, delay);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal stop.
        }
        finally
        {
            await LeaveAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Connected: wait one keep-alive (or a disconnect signal), then prove the link with a ping.</summary>
    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        await WaitForWakeAsync(_options.KeepAlive, cancellationToken).ConfigureAwait(false);
        if (!_client.IsConnected)
        {
            return;
        }

        using var deadline = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        if (!await _client.TryPingAsync(linked.Token).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            TransportLog.PingFailed(_logger);
            // A half-open TCP link can keep IsConnected true; drop it so the next turn reconnects.
            await _client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage)
                .ConfigureAwait(false);
        }
    }

    private async Task WaitForWakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _wake.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The keep-alive interval passed without a disconnect signal.
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        // Signal only: the loop reconnects. A failed ConnectAsync also lands here (ClientWasConnected false).
        if (args.ClientWasConnected)
        {
            TransportLog.Disconnected(_logger, args.Reason.ToString());
            _wake.Writer.TryWrite(true);
            Disconnected?.Invoke(this, EventArgs.Empty);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// On stop, ask the broker to publish the will anyway (MQTT 5 reason 0x04), so the station sees the panel go
    /// offline instead of a silent gap; a normal DISCONNECT would discard the will [MQTT-3.1.2-10].
    /// </summary>
    private async Task LeaveAsync()
    {
        if (_client.IsConnected)
        {
            await _client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage)
                .ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await LeaveAsync().ConfigureAwait(false);
        Dispose();
    }

    /// <summary>Drops the socket without DISCONNECT, so the broker publishes the will (offline).</summary>
    public void Dispose()
    {
        _client.DisconnectedAsync -= OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync -= OnMessageReceivedAsync;
        _client.Dispose();
        _credentials?.Dispose();
    }
}
