using System.Diagnostics;
using System.Security.Cryptography;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Sealing;
using PanelAgent.Protocol.Tests.Support;
using Xunit.Abstractions;

namespace PanelAgent.Protocol.Tests.Fuzz;

/// <summary>
/// Issue 3 checks: forged, altered, replayed, truncated and random payloads (at least 100 000, generated) are rejected
/// and counted, and nothing escapes as an exception. Half go to the station (uplink), half to the panel (downlink).
/// Seeded, so a failure can be replayed.
/// </summary>
public class HostileInputFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 100_000;
    private const int Seed = 20250115;

    [Fact]
    public void Open_100000HostileMessages_AllRejectedAndCounted()
    {
        using var link = new TestLink();
        using var attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var corpus = HostileCorpus.Build(link, attackerKey, new Random(Seed));
        var counts = Enum.GetValues<OpenStatus>().ToDictionary(s => s, _ => 0);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Cases; i++)
        {
            var (message, topic) = corpus.Next(i);
            var result = link.Deliver(message, topic);
            counts[result.Status]++;
            Assert.Null(result.Payload);
        }

        output.WriteLine($"{Cases} hostile messages in {clock.ElapsedMilliseconds} ms (seed {Seed}):");
        foreach (var (status, count) in counts.Where(c => c.Value > 0))
        {
            output.WriteLine($"  {status,-18} {count,7}");
        }

        Assert.Equal(Cases, counts.Values.Sum());
        Assert.Equal(0, counts[OpenStatus.Accepted]);
        Assert.Equal(0, counts[OpenStatus.Unexpected]);
        Assert.All(
            new[] { OpenStatus.Malformed, OpenStatus.UnsupportedVersion, OpenStatus.WrongTopic, OpenStatus.WrongPanel,
                    OpenStatus.UnknownKey, OpenStatus.BadTag, OpenStatus.BadSignature, OpenStatus.Replayed },
            s => Assert.True(counts[s] > 0, $"no case was rejected as {s}: the generator lost a class"));
    }

    [Fact]
    public void Open_ReplaysOfAcceptedMessagesAfterTheWindow_AreOutOfWindow()
    {
        using var link = new TestLink();
        var messages = Enumerable.Range(0, 200).Select(_ => link.Up()).ToList();
        Assert.All(messages, m => Assert.True(link.Deliver(m, TopicKind.Events).IsAccepted));

        link.Time.Advance(TimeSpan.FromSeconds(41));

        Assert.All(messages, m => Assert.Equal(OpenStatus.OutOfWindow, link.Deliver(m, TopicKind.Events).Status));
    }
}
