using System.Buffers;
using System.Globalization;
using MQTTnet;
using MQTTnet.Protocol;
using PanelAgent.Station.Receiving;

namespace PanelAgent.Station.Mqtt;

/// <summary>The image side of <see cref="PanelStation"/> (issue 4), kept here so the station's own file changes little.</summary>
internal static class ImageSubscription
{
    /// <summary>A plain (not shared) subscription: every chunk of a burst must reach the same instance.</summary>
    public const string Filter = "panels/+/images";

    public static MqttClientSubscribeOptionsBuilder Add(MqttClientSubscribeOptionsBuilder builder, ImageReceiver? images) =>
        images is null ? builder : builder.WithTopicFilter(Filter, MqttQualityOfServiceLevel.AtLeastOnce);

    /// <summary>Null when the message is not an image chunk for this instance (the caller handles it as an event);
    /// otherwise the receipt: the line to print (empty while an image is incomplete, one JSON line when a file was
    /// written) and the image to acknowledge, if any.</summary>
    public static (string Line, long? Held)? Receive(ImageReceiver? images, MqttApplicationMessage message)
    {
        if (images is null || ImageReceiver.PanelIdOf(message.Topic) is not { } panel)
        {
            return null;
        }

        var receipt = images.Receive(message.Topic, message.Payload.ToArray());
        var line = receipt.File is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $$"""{"panel":"{{panel}}","image":"{{Path.GetFileName(receipt.File)}}","outcome":"{{receipt.Outcome}}"}""");
        return (line, receipt.Held);
    }
}
