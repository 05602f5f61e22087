using System.Globalization;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Images;
using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Station.Receiving;

/// <summary>
/// Image chunks from <c>panels/{id}/images</c>: open each sealed chunk (authenticity, window, replay), assemble, verify,
/// and write each complete JPEG to <paramref name="folder"/> as
/// <c>{panel}-{alarm seq}-{camera}-{frame}-{image id}.jpg</c> (mode 0600, written then renamed, so a reader never sees
/// half a file). No image byte is logged. No MQTT here, so it is tested without a broker.
/// </summary>
public sealed class ImageReceiver(EnvelopeOpener opener, string folder, TimeProvider time)
{
    private readonly ImageAssembler _assembler = new(time);
    private readonly Lock _gate = new();

    public ImageAssembler Assembler => _assembler;

    /// <summary>The panel id of <c>panels/{id}/images</c>, or null for any other topic.</summary>
    public static string? PanelIdOf(string topic)
    {
        var parts = topic.Split('/');
        return parts is ["panels", var id, "images"] && PanelIds.IsValid(id) ? id : null;
    }

    /// <summary>
    /// Handles one message. Returns the outcome; the file written when this chunk completed an image; and the id of an
    /// image the station now holds, which the caller acknowledges to the panel (<see cref="ImageReceipt.Held"/>): set when
    /// the file was written, and again for the last chunk of an image sent a second time (the first ack was lost).
    /// </summary>
    public ImageReceipt Receive(string topic, ReadOnlySpan<byte> message)
    {
        if (PanelIdOf(topic) is not { } panelId)
        {
            return new(StationCounters.BadTopic, null, null);
        }

        lock (_gate)
        {
            var opened = opener.Open(message, panelId, TopicKind.Images);
            if (!opened.IsAccepted)
            {
                return new(opened.Status.ToString(), null, null);
            }

            if (ImageChunkCodec.TryDecode(opened.Payload, out var problem) is not { } chunk)
            {
                return new(problem!, null, null);
            }

            if (_assembler.Add(panelId, chunk, out var outcome) is { } image)
            {
                var file = Write(panelId, image.Description, image.Jpeg); // a failed write throws: no ack, a resend
                _assembler.MarkWritten(panelId, chunk.ImageId);
                return new("image", file, chunk.ImageId);
            }

            var resent = outcome == ImageAssembler.AlreadyReceived && chunk.Index == chunk.Count - 1;
            return new(outcome, null, resent ? chunk.ImageId : null);
        }
    }

    private string Write(string panelId, ImageChunk d, byte[] jpeg)
    {
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"{panelId}-{d.AlarmSeq}-{d.Camera}-{d.Frame}-{d.ImageId}.jpg");
        var path = Path.Combine(folder, name);
        var temp = path + ".part";
        using (var stream = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            stream.Write(jpeg);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }
}
