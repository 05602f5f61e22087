using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet.Server;
using PanelAgent.Broker.Acl;
using PanelAgent.Broker.Configuration;
using PanelAgent.Broker.Security;
using PanelAgent.Broker.Sharing;

namespace PanelAgent.Broker;

/// <summary>
/// The embedded broker: MQTTnet.Server on one TLS endpoint (no plaintext listener), client certificates required
/// and checked against the configured CA and CRL, the client id tied to the certificate CN, the Mosquitto ACL
/// enforced, MQTT 5 shared subscriptions, retained messages and last wills. <c>panel-broker</c> runs one; tests, the
/// bench and the demo host one in-process with <see cref="StartAsync"/>.
/// </summary>
public sealed class PanelBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private readonly MqttServerOptions _serverOptions;
    private readonly ClientCertificateValidator _validator;
    private readonly X509Certificate2 _certificate;
    private readonly AccessControl _access;
    private readonly ILogger _logger;

    private PanelBroker(BrokerOptions options, ILogger logger, TimeProvider time)
    {
        _logger = logger;
        Acl = LoadAcl(options.AclFile);
        _certificate = LoadServerCertificate(options);
        try
        {
            _validator = new ClientCertificateValidator(options.CaFile, options.CrlFile, logger, time);
        }
        catch (Exception e) when (e is CryptographicException or IOException or System.Formats.Asn1.AsnContentException)
        {
            _certificate.Dispose();
            throw new BrokerConfigException(options.CrlFile.Length > 0 ? "caFile/crlFile" : "caFile", e.Message);
        }

        _serverOptions = BuildServerOptions(options);
        _server = new MqttServerFactory().CreateMqttServer(_serverOptions);
        _access = new AccessControl(Acl, new SharedSubscriptions(Acl, logger), options.StationIdentity, logger);
        _access.Attach(_server);
    }

    /// <summary>Every PUBLISH the broker receives (a copy of topic and payload), accepted by the ACL or not.</summary>
    public event EventHandler<BrokerMessageEventArgs>? MessageReceived
    {
        add => _access.MessageReceived += value;
        remove => _access.MessageReceived -= value;
    }

    public AclRules Acl { get; }

    /// <summary>The TLS port in use (the system's choice when the options asked for 0).</summary>
    public int Port => _serverOptions.TlsEndpointOptions.Port;

    /// <summary>
    /// Validates <paramref name="options"/>, loads the key material and ACL, and listens. A bad setting throws
    /// <see cref="BrokerConfigException"/> naming it; a port in use throws <see cref="System.Net.Sockets.SocketException"/>.
    /// </summary>
    public static async Task<PanelBroker> StartAsync(BrokerOptions options, ILoggerFactory? loggers = null, TimeProvider? time = null)
    {
        BrokerConfigLoader.Validate(options);
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<PanelBroker>();
        var broker = new PanelBroker(options, logger, time ?? TimeProvider.System);
        try
        {
            await broker._server.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        BrokerLog.Started(logger, $"{options.Bind}:{broker.Port}", broker.Acl.Rules.Count);
        return broker;
    }

    /// <summary>Closes every connection (without DISCONNECT, so wills are published) and stops listening.</summary>
    public async Task StopAsync()
    {
        if (_server.IsStarted)
        {
            await _server.StopAsync().ConfigureAwait(false);
            BrokerLog.Stopped(_logger);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _server.Dispose();
        _validator.Dispose();
        _certificate.Dispose();
    }

    private MqttServerOptions BuildServerOptions(BrokerOptions options)
    {
        var address = IPAddress.Parse(options.Bind);
        var v6 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        var built = new MqttServerOptionsBuilder()
            .WithoutDefaultEndpoint() // no plaintext listener at all
            .WithEncryptedEndpoint()
            .WithEncryptedEndpointPort(options.Port)
            .WithEncryptionCertificate(_certificate)
            .WithEncryptionSslProtocol(SslProtocols.Tls12 | SslProtocols.Tls13)
            .WithClientCertificate(_validator.Validate, false)
            .WithMaxPendingMessagesPerClient(options.MaxPendingMessagesPerClient)
            .Build();
        // MQTTnet listens on IPv4 and IPv6 "any" unless told otherwise; None switches a family off.
        built.TlsEndpointOptions.BoundInterNetworkAddress = v6 ? IPAddress.None : address;
        built.TlsEndpointOptions.BoundInterNetworkV6Address = v6 ? address : IPAddress.None;
        built.TlsEndpointOptions.NoDelay = true;
        return built;
    }

    private static AclRules LoadAcl(string aclFile)
    {
        try
        {
            return aclFile.Length == 0 ? AclRules.BuiltIn() : AclRules.Parse(File.ReadAllText(aclFile));
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new BrokerConfigException("aclFile", e.Message);
        }
    }

    private static X509Certificate2 LoadServerCertificate(BrokerOptions options)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(options.CertFile, options.KeyFile);
        }
        catch (Exception e) when (e is CryptographicException or IOException or ArgumentException)
        {
            throw new BrokerConfigException("certFile/keyFile", e.Message);
        }
    }
}
