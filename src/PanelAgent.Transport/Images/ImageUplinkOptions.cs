using PanelAgent.Protocol.Images;

namespace PanelAgent.Transport.Images;

/// <summary>How images leave: for which panel, and the broker's packet limit every sealed chunk must fit under.</summary>
public sealed record ImageUplinkOptions(string PanelId, int PacketLimit = ImageUplinkOptions.DefaultPacketLimit)
{
    /// <summary>128 KiB: under the smallest limit of the brokers in use (AWS IoT Core allows 128 KB per message).</summary>
    public const int DefaultPacketLimit = 128 * 1024;

    /// <summary>When nothing signals, unsent images are looked at again this often (after a reconnect, say).</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    public static int MinPacketLimit => ImageChunkCodec.MinPacketLimit;

    /// <summary>
    /// How long a published image waits for the station's acknowledgement before it is sent again. Each further
    /// resend waits twice as long, up to <see cref="MaxResendInterval"/>: a station that never acknowledges (one that
    /// predates image acks, or keeps no image folder) costs a resend every few minutes, not a flood.
    /// </summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxResendInterval { get; init; } = TimeSpan.FromMinutes(10);
}
