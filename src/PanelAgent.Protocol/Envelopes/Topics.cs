namespace PanelAgent.Protocol.Envelopes;

/// <summary>Facts about <see cref="TopicKind"/>: which bytes are defined, which way each topic travels, its MQTT name.</summary>
public static class Topics
{
    /// <summary>Every topic, in wire order.</summary>
    public static IReadOnlyList<TopicKind> All { get; } =
        [TopicKind.Events, TopicKind.Images, TopicKind.Status, TopicKind.Commands, TopicKind.Acks];

    /// <summary>Whether a wire byte names a topic of format version 1.</summary>
    public static bool IsDefined(byte value) => value is >= (byte)TopicKind.Events and <= (byte)TopicKind.Acks;

    /// <summary>Commands and acks go down to the panel; everything else goes up to the station.</summary>
    public static Direction DirectionOf(this TopicKind topic) =>
        topic is TopicKind.Commands or TopicKind.Acks ? Direction.Downlink : Direction.Uplink;

    /// <summary>The last MQTT topic level: <c>panels/{id}/{name}</c>.</summary>
    public static string MqttName(this TopicKind topic) => topic switch
    {
        TopicKind.Events => "events",
        TopicKind.Images => "images",
        TopicKind.Status => "status",
        TopicKind.Commands => "commands",
        TopicKind.Acks => "acks",
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "not a topic of format version 1"),
    };
}
