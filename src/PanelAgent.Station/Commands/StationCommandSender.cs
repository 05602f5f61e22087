using MQTTnet;
using MQTTnet.Protocol;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Station.Configuration;
using PanelAgent.Station.Keys;
using PanelAgent.Station.Mqtt;
using PanelAgent.Station.Storage;

namespace PanelAgent.Station.Commands;

/// <summary>
/// Sends one command to one panel (issue 3 §5): sealed with the panel's downlink key, signed with the station key, on
/// <c>panels/{id}/commands</c> at QoS 1. Its own MQTT client id (the instance's id + <c>-cmd</c>), so it never takes
/// over a running receiver's session, and no subscription. The sealing epoch comes from the instance's database,
/// shared with the running receiver (one SQLite transaction per epoch), so nonces never repeat between the two.
/// The panel's answer arrives at the receivers as a <c>command.accepted</c> / <c>command.refused</c> event line.
/// </summary>
public static class StationCommandSender
{
    /// <summary>Publishes <paramref name="command"/>; true once the broker has it (PUBACK), false when unreachable.</summary>
    public static async Task<bool> SendAsync(
        StationOptions options, string panelId, CommandPayload command, TextWriter diagnostics, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(diagnostics);
        StationConfigLoader.Validate(options);
        if (!PanelIds.IsValid(panelId))
        {
            throw new StationConfigException("--panel", "1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }

        var keys = StationKeyFile.LoadKeyRing(options.KeysFile);
        using var signingKey = StationKeyFile.LoadSigningKey(options.SigningKeyFile);
        using var store = StationStore.Open(options.Database);
        var sealer = MessageSealer.ForStation(keys, store, time ?? TimeProvider.System, signingKey);
        var sealedCommand = sealer.Seal(panelId, TopicKind.Commands, CommandPayloadCodec.Encode(command));
        using var client = new MqttClientFactory().CreateMqttClient();
        using var deadline = new CancellationTokenSource(options.Timeout);
        try
        {
            var mqtt = StationMqttOptions.Build(options with { ClientId = options.ClientId + "-cmd" });
            await client.ConnectAsync(mqtt, deadline.Token);
            var message = new MqttApplicationMessageBuilder().WithTopic($"panels/{panelId}/commands")
                .WithPayload(sealedCommand).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            var result = await client.PublishAsync(message, deadline.Token);
            await client.TryDisconnectAsync();
            if (!result.IsSuccess)
            {
                await diagnostics.WriteLineAsync($"panel-station: command refused by the broker: {result.ReasonCode}");
            }

            return result.IsSuccess;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException
            or System.Security.Authentication.AuthenticationException)
        {
            await diagnostics.WriteLineAsync($"panel-station: broker unreachable: {e.GetType().Name}: {e.Message}");
            return false;
        }
    }
}
