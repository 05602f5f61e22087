using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using PanelAgent.Broker.Configuration;
using PanelAgent.TestSupport;

namespace PanelAgent.Broker.Tests.Support;

/// <summary>A test PKI and an embedded broker on 127.0.0.1 (a port the system chose), with the shipped ACL.</summary>
public sealed class BrokerRig : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly List<IMqttClient> _clients = [];

    private BrokerRig(TestPki pki, PanelBroker broker, EventIdRecorder log)
    {
        Pki = pki;
        Broker = broker;
        Log = log;
    }

    public TestPki Pki { get; }

    public PanelBroker Broker { get; }

    public int Port => Broker.Port;

    public static BrokerOptions Options(TestPki pki, int port = 0) => new()
    {
        Port = port,
        CaFile = pki.PathOf("ca.pem"),
        CertFile = pki.CertFile("server"),
        KeyFile = pki.KeyFile("server"),
        CrlFile = pki.PathOf("ca.crl"),
    };

    /// <summary>What the broker logged (EventIds 5500-5699).</summary>
    public EventIdRecorder Log { get; }

    public static async Task<BrokerRig> StartAsync()
    {
        var pki = new TestPki();
        var log = new EventIdRecorder();
        var rig = new BrokerRig(pki, await PanelBroker.StartAsync(Options(pki), log), log);
        return rig;
    }

    /// <summary>MQTT 5 client options with <paramref name="identity"/>'s certificate, trusting the test CA only.</summary>
    public MqttClientOptions ClientOptions(string identity, string clientId, Action<MqttClientOptionsBuilder>? more = null)
    {
        var ca = X509CertificateLoader.LoadCertificateFromFile(Pki.PathOf("ca.pem"));
        var certificate = X509Certificate2.CreateFromPemFile(Pki.CertFile(identity), Pki.KeyFile(identity));
        var builder = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTcpServer("127.0.0.1", Port)
            .WithClientId(clientId)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithTlsOptions(o => o.UseTls().WithTrustChain([ca]).WithClientCertificates([certificate])
                .WithRevocationMode(X509RevocationMode.NoCheck));
        more?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>A client, disposed with the rig; not connected.</summary>
    public IMqttClient NewClient()
    {
        var client = new MqttClientFactory().CreateMqttClient();
        _clients.Add(client);
        return client;
    }

    /// <summary>A connected client collecting what it receives.</summary>
    public async Task<Inbox> ConnectAsync(string identity, string? clientId = null, Action<MqttClientOptionsBuilder>? more = null)
    {
        var client = NewClient();
        var inbox = new Inbox(client);
        using var timeout = new CancellationTokenSource(Patience);
        await client.ConnectAsync(ClientOptions(identity, clientId ?? identity, more), timeout.Token);
        return inbox;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.TryDisconnectAsync();
            client.Dispose();
        }

        await Broker.DisposeAsync();
        Pki.Dispose();
    }
}
