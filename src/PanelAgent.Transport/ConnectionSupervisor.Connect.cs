using System.Security.Cryptography;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace PanelAgent.Transport;

public sealed partial class ConnectionSupervisor
{
    /// <summary>One round: the endpoints in configured order, primary first; true at the first that accepts us.</summary>
    private async Task<bool> TryConnectRoundAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _options.Brokers.Count; i++)
        {
            if (await TryConnectAsync(_options.Brokers[i], cancellationToken).ConfigureAwait(false))
            {
                await ResubscribeAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Exchange(ref _nextConnect, new(TaskCreationOptions.RunContinuationsAsynchronously))
                    .TrySetResult();
                Connected?.Invoke(this, new LinkConnectedEventArgs(_options.Brokers[i], isBackup: i > 0));
                return true;
            }
        }

        return false;
    }

    private async Task<bool> TryConnectAsync(BrokerEndpoint endpoint, CancellationToken cancellationToken)
    {
        var credentials = TryLoadCredentials();
        if (credentials is null)
        {
            return false;
        }

        using var deadline = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var result = await _client.ConnectAsync(BuildClientOptions(endpoint, credentials), linked.Token)
                .ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                TransportLog.ConnectRefused(_logger, endpoint.ToString(), result.ResultCode.ToString(), result.ReasonString);
                credentials.Dispose();
                return false;
            }

            TransportLog.Connected(_logger, endpoint.ToString(), _options.PanelId, result.IsSessionPresent);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            TransportLog.ConnectFailed(_logger, endpoint.ToString(), $"no CONNACK within {_options.ConnectTimeout}");
            credentials.Dispose();
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Any failure here (refused socket, TLS alert, CONNACK refusal thrown as MqttConnectingFailedException)
            // means "try the next endpoint"; letting it escape would end the supervisor and the link for good.
            TransportLog.ConnectFailed(_logger, endpoint.ToString(), $"{e.GetType().Name}: {e.GetBaseException().Message}");
            credentials.Dispose();
            return false;
        }

        Interlocked.Exchange(ref _credentials, credentials)?.Dispose();
        CurrentEndpoint = endpoint;
        return true;
    }

    private LinkCredentials? TryLoadCredentials()
    {
        try
        {
            return LinkCredentials.Load(_options, _logger, _time);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            TransportLog.CredentialsUnreadable(_logger, $"{e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// Clean start on every connect, session expiry 0. End-to-end delivery is the outbox's job (a row is done only
    /// on the station's ack, and unacknowledged rows are resent after every connect), so a broker-held session adds
    /// nothing uplink; it would not follow us to a backup broker anyway, and it would let the broker queue stale
    /// commands for an offline panel. Subscriptions are therefore made again after each connect.
    /// </summary>
    private MqttClientOptions BuildClientOptions(BrokerEndpoint endpoint, LinkCredentials credentials)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTcpServer(endpoint.Host, endpoint.Port)
            .WithClientId(_options.PanelId)
            .WithCleanStart(true)
            .WithSessionExpiryInterval(0)
            .WithKeepAlivePeriod(_options.KeepAlive)
            // MQTTnet's per-packet timeout (default 100 s): bounded here too; publishes also carry their own deadline.
            .WithTimeout(_options.ConnectTimeout)
            .WithTlsOptions(tls => credentials.Configure(tls, endpoint.Host));
        if (LastWill is { } will)
        {
            builder = builder.WithWillTopic(PanelTopics.Status(_options.PanelId))
                .WithWillPayload(will())
                .WithWillRetain(true)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }

        return builder.Build();
    }
}
