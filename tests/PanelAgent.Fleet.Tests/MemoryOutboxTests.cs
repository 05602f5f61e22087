using PanelAgent.Core.Events;

namespace PanelAgent.Fleet.Tests;

public sealed class MemoryOutboxTests
{
    private static readonly DateTimeOffset s_at = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NextToSend_UntilAcknowledged_SameRowsInSequenceOrder()
    {
        var outbox = new MemoryOutbox();
        for (var i = 0; i < 5; i++)
        {
            outbox.Commit(new PanelEvent(EventKinds.Disarmed, s_at, User: 1));
        }

        Assert.True(outbox.Acknowledge(2, s_at));

        Assert.Equal([1L, 3L, 4L], outbox.NextToSend(3).Select(r => r.Sequence));
        Assert.Equal([1L, 3L, 4L], outbox.NextToSend(3).Select(r => r.Sequence));
        Assert.Equal(4, outbox.PendingCount);
        Assert.Equal(1, outbox.OldestPendingSequence);
    }

    [Fact]
    public void Acknowledge_TwiceOrUnknown_FalseAfterTheFirst()
    {
        var outbox = new MemoryOutbox();
        var sequence = outbox.Commit(new PanelEvent(EventKinds.ArmedAway, s_at, User: 1));

        Assert.True(outbox.Acknowledge(sequence, s_at));
        Assert.False(outbox.Acknowledge(sequence, s_at));
        Assert.False(outbox.Acknowledge(99, s_at));
        Assert.Equal(0, outbox.PendingCount);
        Assert.Equal(0, outbox.OldestPendingSequence);
    }
}
