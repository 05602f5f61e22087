using Microsoft.Extensions.Logging;
using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Transport.Uplink;

/// <summary>Event uplink log messages, EventIds 5070-5089. Sequences, counts and statuses only, never payloads.</summary>
internal static partial class UplinkLog
{
    [LoggerMessage(EventId = 5070, Level = LogLevel.Information, Message = "Uplink started for {PanelId}")]
    public static partial void Started(ILogger logger, string panelId);

    [LoggerMessage(EventId = 5071, Level = LogLevel.Debug,
        Message = "Event {Sequence} not sent ({Status} {Reason}); retried after the next connect or poll")]
    public static partial void NotSent(ILogger logger, long sequence, PublishStatus status, string? reason);

    [LoggerMessage(EventId = 5072, Level = LogLevel.Warning,
        Message = "Ack message rejected: {Status}; ignored")]
    public static partial void AckRejected(ILogger logger, OpenStatus status);

    [LoggerMessage(EventId = 5073, Level = LogLevel.Warning,
        Message = "Ack message authentic but not an acknowledgement payload; ignored")]
    public static partial void AckMalformed(ILogger logger);

    [LoggerMessage(EventId = 5074, Level = LogLevel.Warning,
        Message = "Communications trouble: {Pending} events pending without an acknowledgement for {Quiet}")]
    public static partial void CommsTroubleRaised(ILogger logger, int pending, TimeSpan quiet);

    [LoggerMessage(EventId = 5075, Level = LogLevel.Information,
        Message = "Communications restored: the station acknowledges again")]
    public static partial void CommsTroubleRestored(ILogger logger);

    [LoggerMessage(EventId = 5076, Level = LogLevel.Error,
        Message = "The outbox could not be read or written: {Problem}; retried")]
    public static partial void OutboxUnavailable(ILogger logger, string problem);

    [LoggerMessage(EventId = 5077, Level = LogLevel.Warning,
        Message = "Ack receive queue full; an ack message was dropped (its rows are resent)")]
    public static partial void AckDropped(ILogger logger);

    [LoggerMessage(EventId = 5078, Level = LogLevel.Debug,
        Message = "Station clock offset applied to the sealer: {Offset}")]
    public static partial void ClockOffsetApplied(ILogger logger, TimeSpan offset);
}
