using System.Buffers;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;
using PanelAgent.Station.Receiving;

namespace PanelAgent.Station.Mqtt;

/// <summary>
/// The receive side: MQTTnet's handler only queues a message, and one worker takes what has queued up as a burst, so a
/// drained backlog costs one commit and one ack per panel per burst instead of an fsync and a round trip per event.
/// A single live event is a burst of one: nothing waits for company.
/// </summary>
public sealed partial class PanelStation
{
    /// <summary>The most messages one burst (one transaction) takes.</summary>
    private const int MaxBurst = 256;

    // Bounded: when the worker falls behind (a slow disk), the handler waits, MQTTnet stops reading, and the broker
    // holds the rest; memory does not grow with a backlog.
    private readonly Channel<StationMessage> _inbox = Channel.CreateBounded<StationMessage>(
        new BoundedChannelOptions(4 * MaxBurst) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private Task? _receiver;

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        if (ImageSubscription.Receive(Images, e.ApplicationMessage) is var (imageLine, held))
        {
            await (imageLine.Length > 0 ? WriteLinesAsync([imageLine]) : Task.CompletedTask);
            if (held is not null)
            {
                await QueueAsync(new StationMessage(topic, [], held)); // the ack goes out from the receive worker
            }

            return;
        }

        await QueueAsync(new StationMessage(topic, e.ApplicationMessage.Payload.ToArray()));
    }

    private async Task QueueAsync(StationMessage message)
    {
        try
        {
            await _inbox.Writer.WriteAsync(message, _stopping?.Token ?? CancellationToken.None);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // Stopping: not acknowledged, so the panel sends it again to whichever instance runs next.
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken stopping)
    {
        var burst = new List<StationMessage>(MaxBurst);
        try
        {
            while (await _inbox.Reader.WaitToReadAsync(stopping))
            {
                while (burst.Count < MaxBurst && _inbox.Reader.TryRead(out var message))
                {
                    burst.Add(message);
                }

                await HandleBurstAsync(burst);
                burst.Clear();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Normal stop; whatever is still queued was never acknowledged and is resent by its panel.
        }
    }

    private async Task HandleBurstAsync(IReadOnlyList<StationMessage> burst)
    {
        List<(string Topic, byte[] Payload)> acks;
        try
        {
            var batch = Receiver.ReceiveMany([.. burst.Where(m => m.HeldImage is null)], Print);
            acks = [.. batch.Acks, .. ImageAcks(burst)];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug must not end the receive loop (the station would go deaf); unacknowledged events are resent.
            await Diagnose($"burst of {burst.Count} not handled: {e.GetType().Name}");
            return;
        }

        // The events are committed and their lines out; then the acks: once a panel has its ack it forgets the event.
        // Panels in parallel; one panel's acks one after the other, in the order they were sealed, because its replay
        // guard takes only increasing sequences on a topic (a heartbeat's ack and an event's can share a burst).
        try
        {
            await Task.WhenAll(acks.GroupBy(a => a.Topic, StringComparer.Ordinal).Select(PublishInOrderAsync));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // As above: the loop must outlive it. An ack not sent is a resend, answered again.
            await Diagnose($"acks of a burst not published: {e.GetType().Name}");
        }
    }

    private IEnumerable<(string Topic, byte[] Payload)> ImageAcks(IReadOnlyList<StationMessage> burst) =>
        burst.Where(m => m.HeldImage is not null)
            .GroupBy(m => ImageReceiver.PanelIdOf(m.Topic)!, StringComparer.Ordinal)
            .Select(panel => Receiver.ImageAck(panel.Key, [.. panel.Select(m => m.HeldImage!.Value).Distinct()]));

    private async Task PublishInOrderAsync(IEnumerable<(string Topic, byte[] Payload)> acks)
    {
        foreach (var (topic, payload) in acks)
        {
            await PublishAckAsync(topic, payload);
        }
    }

    /// <summary>
    /// A lost ack is not retried here: the panel resends the event, the insert finds a duplicate, and that is acked.
    /// </summary>
    private async Task PublishAckAsync(string topic, byte[] ack)
    {
        try
        {
            using var deadline = new CancellationTokenSource(_options.Timeout);
            var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(ack)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            var result = await _client.PublishAsync(message, deadline.Token);
            Counters.Increment(result.IsSuccess ? StationCounters.AckPublished : StationCounters.AckFailed);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException
            or InvalidOperationException)
        {
            Counters.Increment(StationCounters.AckFailed);
        }
    }

    /// <summary>The receiver prints synchronously, on the receive worker, between deciding and committing.</summary>
    private void Print(IReadOnlyList<string> lines)
    {
        _outputLock.Wait();
        try
        {
            foreach (var line in lines)
            {
                _output.WriteLine(line);
            }

            _output.Flush();
        }
        finally
        {
            _outputLock.Release();
        }
    }

    private async Task WriteLinesAsync(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        // The receive worker, the image handler and the sweeper all print: whole lines, never interleaved.
        await _outputLock.WaitAsync();
        try
        {
            foreach (var line in lines)
            {
                await _output.WriteLineAsync(line);
            }

            await _output.FlushAsync();
        }
        finally
        {
            _outputLock.Release();
        }
    }
}
