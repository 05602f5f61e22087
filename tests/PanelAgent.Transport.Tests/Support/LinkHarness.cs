using PanelAgent.TestSupport;

namespace PanelAgent.Transport.Tests.Support;

/// <summary>A <see cref="ConnectionSupervisor"/> running its loop against test key material; stopped on dispose.</summary>
public sealed class LinkHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    public LinkHarness(TestPki pki, string identity, params int[] ports)
    {
        Options = new MqttLinkOptions
        {
            PanelId = "panel-a",
            CaFile = pki.PathOf("ca.pem"),
            ClientCertFile = pki.CertFile(identity),
            ClientKeyFile = pki.KeyFile(identity),
            KeepAlive = TimeSpan.FromSeconds(2),
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PublishDeadline = TimeSpan.FromSeconds(2),
            BackoffMin = TimeSpan.FromMilliseconds(50),
            BackoffMax = TimeSpan.FromMilliseconds(400),
        };
        foreach (var port in ports)
        {
            Options.Brokers.Add(new BrokerEndpoint { Host = "127.0.0.1", Port = port });
        }
    }

    public MqttLinkOptions Options { get; }

    public CapturingLogger<ConnectionSupervisor> Logger { get; } = new();

    public ConnectionSupervisor Supervisor { get; private set; } = null!;

    /// <summary>Builds the supervisor from <see cref="Options"/> (adjust them first) and starts its loop.</summary>
    public LinkHarness Start(Action<ConnectionSupervisor>? configure = null)
    {
        Assert.Empty(Options.Validate());
        Supervisor = new ConnectionSupervisor(Microsoft.Extensions.Options.Options.Create(Options), Logger, TimeProvider.System)
        {
            // The supervisor carries the will without reading it; a readable stand-in keeps these tests plain.
            LastWill = () => "offline"u8.ToArray(),
        };
        configure?.Invoke(Supervisor);
        _run = Supervisor.RunAsync(_stop.Token);
        return this;
    }

    public async Task WaitConnectedAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await Supervisor.WaitConnectedAsync(timeout.Token);
    }

    /// <summary>Stops the loop (which sends DISCONNECT with the will) and waits for it to end.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(Patience);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Supervisor is not null)
        {
            await Supervisor.DisposeAsync();
        }

        _stop.Dispose();
    }
}
