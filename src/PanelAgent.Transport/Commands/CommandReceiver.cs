using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Transport.Commands;

/// <summary>
/// Takes commands from <c>panels/{id}/commands</c> (issue 3 §5): opens them (the downlink key and the station's
/// signature, the replay window, the per-session sequence), refuses anything sealed before this receiver started
/// (the replay guard is in memory, so without this a command captured before a restart could be replayed after it
/// while still inside the window), decodes, and hands each to <see cref="IStationCommands"/> on a worker of its own,
/// never on MQTTnet's receive thread. Hostile input is counted by reason, never thrown.
/// </summary>
public sealed class CommandReceiver
{
    private readonly string _panelId;
    private readonly string _topic;
    private readonly EnvelopeOpener _opener;
    private readonly IStationCommands _commands;
    private readonly ILogger _logger;
    private readonly long _startedUnixMs;
    private readonly Channel<ReadOnlyMemory<byte>> _queue = Channel.CreateBounded<ReadOnlyMemory<byte>>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly ConcurrentDictionary<OpenStatus, long> _rejected = new();
    private long _executed;
    private long _malformed;
    private long _beforeStart;
    private long _dropped;

    /// <summary>
    /// <paramref name="clock"/> is the panel's protocol clock (corrected by the station's time), read once for the
    /// start: make the receiver together with the opener whose replay guard it relies on.
    /// </summary>
    public CommandReceiver(string panelId, EnvelopeOpener opener, IStationCommands commands, TimeProvider clock, ILogger logger)
    {
        (_panelId, _opener, _commands, _logger) = (panelId, opener, commands, logger);
        _topic = PanelTopics.Commands(panelId);
        _startedUnixMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
    }

    public CommandCounters Counters => new(Interlocked.Read(ref _executed), new Dictionary<OpenStatus, long>(_rejected),
        Interlocked.Read(ref _malformed), Interlocked.Read(ref _beforeStart), Interlocked.Read(ref _dropped));

    public async Task RunAsync(ConnectionSupervisor link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        link.MessageReceived += OnMessageReceived;
        try
        {
            await link.SubscribeAsync(_topic, cancellationToken).ConfigureAwait(false);
            await foreach (var message in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                Handle(message.Span);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal stop.
        }
        finally
        {
            link.MessageReceived -= OnMessageReceived;
        }
    }

    /// <summary>One message, start to end. Internal for the fuzz tests, which feed it directly.</summary>
    internal void Handle(ReadOnlySpan<byte> message)
    {
        var opened = _opener.Open(message, _panelId, TopicKind.Commands);
        if (!opened.IsAccepted)
        {
            _rejected.AddOrUpdate(opened.Status, 1, (_, n) => n + 1);
            CommandLog.Rejected(_logger, opened.Status);
            return;
        }

        if (opened.Header!.TimestampUnixMs < _startedUnixMs)
        {
            Interlocked.Increment(ref _beforeStart);
            CommandLog.SealedBeforeStart(_logger);
            return;
        }

        if (!CommandPayloadCodec.TryDecode(opened.Payload, out var command))
        {
            Interlocked.Increment(ref _malformed);
            CommandLog.Malformed(_logger);
            return;
        }

        Interlocked.Increment(ref _executed);
        // The name as logged: a known one, or "?" (whatever else came off the wire stays out of the journal).
        CommandLog.Received(_logger, CommandNames.All.Contains(command!.Command) ? command.Command : "?", command.Id);
        _commands.Execute(command);
    }

    private void OnMessageReceived(object? sender, LinkMessageEventArgs e)
    {
        if (string.Equals(e.Topic, _topic, StringComparison.Ordinal) && !_queue.Writer.TryWrite(e.Payload))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
