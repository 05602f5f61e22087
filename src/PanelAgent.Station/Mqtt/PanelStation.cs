using MQTTnet;
using MQTTnet.Protocol;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Replay;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Station.Configuration;
using PanelAgent.Station.Keys;
using PanelAgent.Station.Receiving;
using PanelAgent.Station.Storage;

namespace PanelAgent.Station.Mqtt;

/// <summary>
/// One panel-station instance: an MQTTnet 5 client on the shared subscription <c>$share/{group}/panels/+/events</c>,
/// kept connected by one supervisor loop (TryPingAsync, else ConnectAsync + subscribe, with jittered backoff; never
/// from inside DisconnectedAsync, which risks deadlocks), feeding messages in bursts to a <see cref="StationReceiver"/>,
/// printing new events to its output writer and publishing acks at QoS 1 with a deadline (PanelStation.Receiving.cs).
/// </summary>
public sealed partial class PanelStation : IAsyncDisposable
{
    private readonly StationOptions _options;
    private readonly TextWriter _output;
    private readonly TextWriter _diagnostics;
    private readonly TimeProvider _time;
    private readonly StationStore _store;
    private readonly System.Security.Cryptography.ECDsa _signingKey;
    private readonly MqttClientOptions _mqttOptions;
    private readonly IMqttClient _client;
    private readonly Lock _connectsLock = new();
    private readonly SemaphoreSlim _outputLock = new(1, 1);
    private readonly List<(int Count, TaskCompletionSource Signal)> _connectWaiters = [];
    private CancellationTokenSource? _stopping;
    private Task? _supervisor;
    private Task? _sweeper;
    private int _connects;

    private PanelStation(StationOptions options, TextWriter output, TextWriter diagnostics, TimeProvider time)
    {
        StationConfigLoader.Validate(options);
        _options = options;
        _output = output;
        _diagnostics = diagnostics;
        _time = time;
        var keys = StationKeyFile.LoadKeyRing(options.KeysFile);
        _signingKey = StationKeyFile.LoadSigningKey(options.SigningKeyFile);
        _mqttOptions = StationMqttOptions.Build(options);
        _store = StationStore.Open(options.Database);
        Receiver = CreateReceiver(keys);
        Images = options.ImagesFolder is { } folder
            ? new ImageReceiver(EnvelopeOpener.ForStation(keys, new ReplayGuard(_time)), folder, _time) : null;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    public StationReceiver Receiver { get; }

    /// <summary>Verification images (issue 4), when <see cref="StationOptions.ImagesFolder"/> is set.</summary>
    public ImageReceiver? Images { get; }

    public StationCounters Counters => Receiver.Counters;

    public StationStore Store => _store;

    /// <summary>Completes once the first subscription is in place (tests publish only after it).</summary>
    public Task Subscribed => WhenSubscribedAsync(1);

    /// <summary>Successful connects (each with its subscription in place) so far.</summary>
    public int Connects
    {
        get { lock (_connectsLock) { return _connects; } }
    }

    /// <summary>Completes when the station has connected and subscribed <paramref name="count"/> times.</summary>
    public Task WhenSubscribedAsync(int count)
    {
        lock (_connectsLock)
        {
            if (_connects >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _connectWaiters.Add((count, signal));
            return signal.Task;
        }
    }

    /// <summary>Loads keys and opens the database; a bad setting throws <see cref="StationConfigException"/>.</summary>
    public static PanelStation Create(StationOptions options, TextWriter output, TextWriter diagnostics, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return new PanelStation(options, output, diagnostics, time ?? TimeProvider.System);
    }

    public string Subscription => $"$share/{_options.ShareGroup}/panels/+/events";

    /// <summary>
    /// Not shared: a supervising instance must see every heartbeat of every panel, or it would report panels lost
    /// whose heartbeats the broker handed to another instance.
    /// </summary>
    public const string StatusSubscription = "panels/+/status";

    public void Start()
    {
        if (_supervisor is not null)
        {
            throw new InvalidOperationException("already started");
        }

        _stopping = new CancellationTokenSource();
        _supervisor = Task.Run(() => SuperviseAsync(_stopping.Token));
        _sweeper = Task.Run(() => SweepAsync(_stopping.Token));
        _receiver = Task.Run(() => ReceiveLoopAsync(_stopping.Token));
    }

    public async Task StopAsync()
    {
        if (_stopping is null || _supervisor is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _supervisor;
        await (_sweeper ?? Task.CompletedTask);
        await (_receiver ?? Task.CompletedTask);
        await _client.TryDisconnectAsync();
    }

    private StationReceiver CreateReceiver(KeyRing keys)
    {
        var opener = EnvelopeOpener.ForStation(keys, new ReplayGuard(_time));
        var sealer = MessageSealer.ForStation(keys, _store, _time, _signingKey);
        var supervision = _options.Supervise
            ? new PanelSupervision(keys.Panels, _options.HeartbeatInterval, _time.GetUtcNow())
            : null;
        return new StationReceiver(opener, sealer, _store, _time, _options.ClientId, supervision);
    }

    /// <summary>Once a second: panels silent for three heartbeat intervals are reported lost.</summary>
    private async Task SweepAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            foreach (var line in Receiver.SweepLostPanels())
            {
                await WriteLinesAsync([line]);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        var backoff = _options.MinBackoff;
        while (!stopping.IsCancellationRequested)
        {
            var healthy = await _client.TryPingAsync(stopping) || await TryConnectAsync(stopping);
            var wait = healthy ? _options.PingInterval : Jitter(backoff);
            backoff = healthy ? _options.MinBackoff : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            try
            {
                await Task.Delay(wait, _time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> TryConnectAsync(CancellationToken stopping)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            deadline.CancelAfter(_options.Timeout);
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(cancellationToken: deadline.Token);
            }

            var connack = await _client.ConnectAsync(_mqttOptions, deadline.Token);
            if (connack.ResultCode != MqttClientConnectResultCode.Success)
            {
                await Diagnose($"connect refused: {connack.ResultCode}");
                return false;
            }

            var filters = ImageSubscription.Add(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Subscription, MqttQualityOfServiceLevel.AtLeastOnce), Images);
            if (_options.Supervise)
            {
                filters = filters.WithTopicFilter(StatusSubscription, MqttQualityOfServiceLevel.AtLeastOnce);
            }

            var subscribe = await _client.SubscribeAsync(filters.Build(), deadline.Token);
            var code = subscribe.Items.Max(item => item.ResultCode);
            if (code > MqttClientSubscribeResultCode.GrantedQoS2)
            {
                await Diagnose($"subscribe refused: {code}");
                await _client.TryDisconnectAsync();
                return false;
            }

            CountConnect();
            return true;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException
            or InvalidOperationException or System.Security.Authentication.AuthenticationException)
        {
            if (!stopping.IsCancellationRequested)
            {
                await Diagnose($"connect failed: {e.GetType().Name}: {e.Message}");
            }

            return false;
        }
    }

    private void CountConnect()
    {
        lock (_connectsLock)
        {
            _connects++;
            foreach (var waiter in _connectWaiters.Where(w => _connects >= w.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _connectWaiters.Remove(waiter);
            }
        }
    }

    private Task Diagnose(string message) => _diagnostics.WriteLineAsync($"panel-station {_options.ClientId}: {message}");

    private static TimeSpan Jitter(TimeSpan backoff) =>
        backoff * (0.5 + (Random.Shared.NextDouble() / 2));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _client.Dispose();
        _stopping?.Dispose();
        _store.Dispose();
        _signingKey.Dispose();
        _outputLock.Dispose();
    }
}
