using Microsoft.Extensions.Logging.Abstractions;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Transport.Commands;
using PanelAgent.Transport.Tests.Fuzz;

namespace PanelAgent.Transport.Tests.Commands;

public sealed class CommandReceiverTests
{
    [Fact]
    public void Handle_CommandSealedBeforeTheReceiverStarted_IsCountedNotExecuted()
    {
        // A restart empties the in-memory replay guard; a command captured just before it is still inside the window.
        using var corpus = new DownlinkCorpus(1);
        var captured = corpus.Genuine(TopicKind.Commands, Disarm("c-1"));
        corpus.Clock.Advance(TimeSpan.FromSeconds(5));
        var executed = new List<string>();
        var receiver = new CommandReceiver(DownlinkCorpus.PanelId, corpus.PanelOpener(), new Commands(executed),
            corpus.Clock, NullLogger.Instance);

        receiver.Handle(captured);
        receiver.Handle(corpus.Genuine(TopicKind.Commands, Disarm("c-2")));

        Assert.Equal(["c-2"], executed);
        Assert.Equal(1, receiver.Counters.SealedBeforeStart);
    }

    [Fact]
    public void Handle_UnknownCommandName_IsStillHandedOverSoItCanBeRefusedById()
    {
        using var corpus = new DownlinkCorpus(2);
        var executed = new List<string>();
        var receiver = new CommandReceiver(DownlinkCorpus.PanelId, corpus.PanelOpener(), new Commands(executed),
            corpus.Clock, NullLogger.Instance);

        receiver.Handle(corpus.Genuine(TopicKind.Commands,
            CommandPayloadCodec.Encode(new CommandPayload("c-9", "take-picture"))));

        Assert.Equal(["c-9"], executed);
    }

    private static byte[] Disarm(string id) => CommandPayloadCodec.Encode(new CommandPayload(id, CommandNames.Disarm));

    private sealed class Commands(List<string> executed) : IStationCommands
    {
        public void Execute(CommandPayload command) => executed.Add(command.Id);
    }
}
