namespace PanelAgent.Transport.Uplink;

/// <summary>The <c>Uplink</c> configuration section: how the outbox is sent and when acknowledgements count as stopped.</summary>
public sealed class EventUplinkOptions
{
    public const string SectionName = "Uplink";

    /// <summary>The panel id of the topics and envelopes (the certificate CN, as in <see cref="MqttLinkOptions.PanelId"/>).</summary>
    public string PanelId { get; set; } = "";

    /// <summary>
    /// Rows read from the outbox per pass, and so at most this many unacknowledged rows in flight: a window. A newly
    /// persisted alarm still leaves at once, because the outbox returns rows in priority order.
    /// </summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>A row sent this long ago without the station's acknowledgement is sealed again and resent.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Rows pending and no authenticated acknowledgement for this long: trouble.comms is raised (issue 3 §4; the
    /// default is three heartbeats of 60 s, when the station also reports panel.lost).
    /// </summary>
    public TimeSpan CommsTroubleAfter { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>
    /// How often the panel sends a sealed heartbeat on <c>status</c> (issue 3 §4; default 60 s). The station reports
    /// panel.lost after three missed ones and acknowledges each, so with heartbeats on, trouble.comms is raised after
    /// <see cref="CommsTroubleAfter"/> of station silence even when nothing else is pending. Zero turns them off.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the outbox is read when nobody calls <see cref="EventUplink.Notify"/>; also the resend granularity.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Every problem, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(PanelId))
        {
            errors.Add($"{SectionName}:{nameof(PanelId)}: must not be empty.");
        }

        if (BatchSize is < 1 or > 10_000)
        {
            errors.Add($"{SectionName}:{nameof(BatchSize)}: must be between 1 and 10000, got {BatchSize}.");
        }

        foreach (var (name, value) in new[]
            { (nameof(AckTimeout), AckTimeout), (nameof(CommsTroubleAfter), CommsTroubleAfter), (nameof(PollInterval), PollInterval) })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{SectionName}:{name}: must be positive, got {value}.");
            }
        }

        if (HeartbeatInterval < TimeSpan.Zero || (HeartbeatInterval > TimeSpan.Zero && HeartbeatInterval < TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{SectionName}:{nameof(HeartbeatInterval)}: must be 0 (off) or at least 1 s, got {HeartbeatInterval}.");
        }

        return errors;
    }
}
