using System.Security.Cryptography;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Protocol.Tests.Support;

namespace PanelAgent.Protocol.Tests.Fuzz;

/// <summary>
/// Generates hostile messages from a seeded <see cref="Random"/>: random bytes, random bytes behind a plausible header,
/// truncations and extensions, bit flips of genuine messages, replays of genuine messages already accepted, downlink
/// forged with a panel's own keys, and genuine messages delivered on the wrong topic or panel.
/// </summary>
internal sealed class HostileCorpus
{
    private const int Genuine = 64;

    private readonly Random _random;
    private readonly List<(byte[] Message, TopicKind Topic)> _accepted = [];
    private readonly List<(byte[] Message, TopicKind Topic)> _forged = [];

    private HostileCorpus(Random random) => _random = random;

    /// <summary>Seals genuine traffic both ways, delivers it once (so later copies are replays), and forges downlink.</summary>
    public static HostileCorpus Build(TestLink link, ECDsa attackerKey, Random random)
    {
        var corpus = new HostileCorpus(random);
        var forger = MessageSealer.ForStation(link.PanelKeys, new InMemoryNonceEpochStore(), link.Time, attackerKey);
        for (var i = 0; i < Genuine; i++)
        {
            var topic = Topics.All[i % Topics.All.Count];
            var payload = new byte[random.Next(0, 700)];
            random.NextBytes(payload);
            var message = topic.DirectionOf() == Direction.Uplink
                ? link.PanelSealer.Seal(TestLink.PanelId, topic, payload)
                : link.StationSealer.Seal(TestLink.PanelId, topic, payload);
            Assert.True(link.Deliver(message, topic).IsAccepted);
            corpus._accepted.Add((message, topic));
            var downlink = i % 2 == 0 ? TopicKind.Commands : TopicKind.Acks;
            corpus._forged.Add((forger.Seal(TestLink.PanelId, downlink, payload), downlink));
        }

        return corpus;
    }

    public (byte[] Message, TopicKind Topic) Next(int index) => (index % 8) switch
    {
        0 => (RandomBytes(_random.Next(0, 1200)), RandomTopic()),
        1 => PlausibleHeaderRandomBody(),
        2 => Truncated(),
        3 or 4 => BitFlipped(),
        5 => Pick(_accepted),
        6 => Pick(_forged),
        _ => Misrouted(),
    };

    private (byte[], TopicKind) PlausibleHeaderRandomBody()
    {
        var (genuine, topic) = Pick(_accepted);
        var headerLength = EnvelopeLayout.HeaderLength(genuine[EnvelopeLayout.PanelIdLengthOffset]);
        var message = (byte[])genuine.Clone();
        _random.NextBytes(message.AsSpan(headerLength));
        return (message, topic);
    }

    private (byte[], TopicKind) Truncated()
    {
        var (genuine, topic) = Pick(_accepted);
        var length = _random.Next(0, genuine.Length + 300);
        var message = new byte[length];
        genuine.AsSpan(0, Math.Min(length, genuine.Length)).CopyTo(message);
        _random.NextBytes(message.AsSpan(Math.Min(length, genuine.Length)));
        return (message, topic);
    }

    private (byte[], TopicKind) BitFlipped()
    {
        var (genuine, topic) = Pick(_accepted);
        var message = (byte[])genuine.Clone();
        for (var flips = _random.Next(1, 4); flips > 0; flips--)
        {
            var bit = _random.Next(message.Length * 8);
            message[bit / 8] ^= (byte)(1 << (bit % 8));
        }

        return (message, topic);
    }

    /// <summary>A genuine message delivered on another topic, or with its panel id changed to another panel's.</summary>
    private (byte[], TopicKind) Misrouted()
    {
        var (genuine, topic) = Pick(_accepted);
        if (_random.Next(2) == 0)
        {
            var other = Topics.All[((int)topic + _random.Next(Topics.All.Count - 1)) % Topics.All.Count];
            return (genuine, other);
        }

        return (Repanelled(genuine), topic);
    }

    /// <summary>The first character of the panel id changed: the message now claims another panel.</summary>
    private static byte[] Repanelled(byte[] genuine)
    {
        var message = (byte[])genuine.Clone();
        message[EnvelopeLayout.PanelIdOffset] = (byte)(message[EnvelopeLayout.PanelIdOffset] == 'x' ? 'y' : 'x');
        return message;
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        if (length > 0 && _random.Next(2) == 0)
        {
            bytes[0] = EnvelopeLayout.Version1;
        }

        return bytes;
    }

    private TopicKind RandomTopic() => Topics.All[_random.Next(Topics.All.Count)];

    private (byte[], TopicKind) Pick(List<(byte[] Message, TopicKind Topic)> list) => list[_random.Next(list.Count)];
}
