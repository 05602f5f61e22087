using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Storage.Tests.Support;

namespace PanelAgent.Storage.Tests;

/// <summary>The outbox (IOutbox): send order, end-to-end acknowledgement, and the bounded-outbox drop policy.</summary>
public sealed partial class SqliteEventStoreTests
{
    private const int SmallCapacity = StorageOptions.MinOutboxCapacity;

    [Fact]
    public void NextToSend_MixedPriorities_AlarmsThenTroubleThenArmDisarmThenOperationalEachBySequence()
    {
        var s = _store.Commit(
        [
            TestEvents.SirenOn(Now), TestEvents.Armed(Now), TestEvents.MainsTrouble(Now), TestEvents.Intrusion(Now),
            TestEvents.Disarmed(Now), TestEvents.Intrusion(Now, "z2"), TestEvents.MainsTrouble(Now),
        ], PanelState.Initial);

        var all = _store.NextToSend(100);
        var firstThree = _store.NextToSend(3);

        long[] expected = [s[3].Sequence, s[5].Sequence, s[2].Sequence, s[6].Sequence, s[1].Sequence, s[4].Sequence,
            s[0].Sequence];
        Assert.Equal(expected, all.Select(e => e.Sequence));
        Assert.Equal(expected.Take(3), firstThree.Select(e => e.Sequence));
        Assert.Equal(s[3], all[0]);
    }

    [Fact]
    public void NextToSend_NothingAcknowledged_ReturnsTheSameRowsAgain()
    {
        _store.Commit([TestEvents.Armed(Now), TestEvents.Intrusion(Now)], PanelState.Initial);

        Assert.Equal(_store.NextToSend(10), _store.NextToSend(10));
    }

    [Fact]
    public void Acknowledge_SameSequenceTwice_TrueThenFalseAndTheAckTimeIsStored()
    {
        var stored = _store.Commit([TestEvents.Intrusion(Now)], PanelState.Initial);
        var ackedAt = Now.AddSeconds(2);

        var first = _store.Acknowledge(stored[0].Sequence, ackedAt);
        var second = _store.Acknowledge(stored[0].Sequence, ackedAt.AddSeconds(5));

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(ackedAt.ToUnixTimeMilliseconds(), _store.ScalarOnStoreConnection("SELECT acked_at FROM events"));
    }

    [Fact]
    public void AcknowledgeMany_MixOfPendingAckedAndUnknown_RetiresOnlyThePendingOnesInOneGo()
    {
        var stored = _store.Commit(
            [TestEvents.Intrusion(Now), TestEvents.Armed(Now), TestEvents.MainsTrouble(Now)], PanelState.Initial);
        _store.Acknowledge(stored[1].Sequence, Now);

        var retired = _store.AcknowledgeMany(
            [stored[2].Sequence, stored[1].Sequence, 999, stored[0].Sequence, stored[2].Sequence], Now);

        Assert.Equal([stored[2].Sequence, stored[0].Sequence], retired);
        Assert.Equal(0, _store.PendingCount);
        Assert.Empty(_store.NextToSend(10));
        Assert.Empty(_store.AcknowledgeMany([], Now));
    }

    [Fact]
    public void Acknowledge_UnknownSequence_ReturnsFalseAndChangesNothing()
    {
        _store.Commit([TestEvents.Armed(Now)], PanelState.Initial);

        Assert.False(_store.Acknowledge(999, Now));
        Assert.False(_store.Acknowledge(0, Now));
        Assert.Equal(1, _store.PendingCount);
    }

    [Fact]
    public void Acknowledge_SomeRows_NoLongerSentAndCountAndOldestFollow()
    {
        var stored = _store.Commit([TestEvents.Armed(Now), TestEvents.Intrusion(Now), TestEvents.SirenOn(Now)],
            PanelState.Initial);
        var before = (_store.PendingCount, _store.OldestPendingSequence);

        _store.Acknowledge(stored[0].Sequence, Now);
        _store.Acknowledge(stored[1].Sequence, Now);

        Assert.Equal((3, stored[0].Sequence), before);
        Assert.Equal([stored[2]], _store.NextToSend(10));
        Assert.Equal((1, stored[2].Sequence), (_store.PendingCount, _store.OldestPendingSequence));
        Assert.Equal(3, _store.ReadEvents(0, 10).Count); // acknowledged is not deleted: retention does that
    }

    [Fact]
    public void OutboxMembers_EmptyStore_ZeroPendingOldestZeroNoDrops()
    {
        Assert.Empty(_store.NextToSend(10));
        Assert.Equal((0, 0L, 0L), (_store.PendingCount, _store.OldestPendingSequence, _store.DroppedCount));
    }

    [Fact]
    public void Acknowledge_ThenReopen_PendingAndAcknowledgedRowsSurvive()
    {
        var stored = _store.Commit([TestEvents.Armed(Now), TestEvents.Intrusion(Now), TestEvents.Disarmed(Now)],
            PanelState.Initial);
        _store.Acknowledge(stored[1].Sequence, Now);

        Reopen();

        Assert.Equal([stored[0], stored[2]], _store.NextToSend(10));
        Assert.Equal(2, _store.PendingCount);
        Assert.False(_store.Acknowledge(stored[1].Sequence, Now));
        Assert.True(_store.Acknowledge(stored[2].Sequence, Now));
    }

    [Fact]
    public void Commit_MixedPrioritiesBeyondCapacity_DropsLeastImportantOldestFirstAndNeverAnAlarm()
    {
        ReopenWithCapacity(SmallCapacity);
        // 1500 rows interleaved: 600 alarms, 300 each of trouble, arm/disarm and operational. 500 must go: all 300
        // operational, then the oldest 200 arm/disarm; no trouble row and no alarm.
        var batch = Enumerable.Range(0, 300).SelectMany(i => new[]
        {
            TestEvents.Intrusion(Now), TestEvents.SirenOn(Now), TestEvents.MainsTrouble(Now),
            TestEvents.Armed(Now), TestEvents.Intrusion(Now),
        });
        var stored = _store.Commit([.. batch], PanelState.Initial);

        var pending = _store.NextToSend(int.MaxValue);
        var dropped = stored.Except(pending).ToList();
        var armDisarm = stored.Where(e => e.Event.Category == EventCategory.ArmDisarm).ToList();

        Assert.Equal(SmallCapacity, _store.PendingCount);
        Assert.Equal(500L, _store.DroppedCount);
        Assert.Equal(600, pending.Count(e => e.Event.Priority == EventPriority.Alarm));
        Assert.Equal(300, pending.Count(e => e.Event.Priority == EventPriority.Trouble));
        Assert.Equal(armDisarm.Skip(200), pending.Where(e => e.Event.Priority == EventPriority.ArmDisarm));
        Assert.DoesNotContain(dropped, e => e.Event.Priority is EventPriority.Alarm or EventPriority.Trouble);
        Assert.Equal(1500, _store.ReadEvents(0, 2000).Count); // dropped rows stay in the log until retention
    }

    [Fact]
    public void Commit_AlarmsAloneBeyondCapacity_KeepsEveryAlarmAndDropsEverythingElse()
    {
        ReopenWithCapacity(SmallCapacity);
        _store.Commit([.. Enumerable.Range(0, 10).Select(_ => TestEvents.Armed(Now))], PanelState.Initial);

        _store.Commit([.. Enumerable.Range(0, SmallCapacity + 5).Select(_ => TestEvents.Intrusion(Now))],
            PanelState.Initial);
        var more = _store.Commit([TestEvents.Intrusion(Now), TestEvents.MainsTrouble(Now)], PanelState.Initial);

        Assert.Equal(SmallCapacity + 6, _store.PendingCount);
        Assert.Equal(11L, _store.DroppedCount);
        Assert.All(_store.NextToSend(int.MaxValue), e => Assert.Equal(EventPriority.Alarm, e.Event.Priority));
        Assert.False(_store.Acknowledge(more[1].Sequence, Now)); // a dropped row cannot be acknowledged any more
    }

    [Fact]
    public void Commit_AtCapacityAfterReopen_DropsExactlyTheOldestNonAlarmRow()
    {
        ReopenWithCapacity(SmallCapacity);
        var first = _store.Commit([.. Enumerable.Range(0, SmallCapacity).Select(_ => TestEvents.Armed(Now))],
            PanelState.Initial);
        ReopenWithCapacity(SmallCapacity); // the pending count is recounted from the file, not carried over

        _store.Commit([TestEvents.Intrusion(Now)], PanelState.Initial);
        _store.Commit([TestEvents.Disarmed(Now)], PanelState.Initial);

        Assert.Equal(SmallCapacity, _store.PendingCount);
        Assert.Equal(2L, _store.DroppedCount);
        Assert.Equal(first[2].Sequence, _store.NextToSend(2)[1].Sequence); // the alarm, then the oldest survivor
        Assert.Equal(2L, _store.ScalarOnStoreConnection(
            $"SELECT count(*) FROM events WHERE dropped_at IS NOT NULL AND seq <= {first[1].Sequence}"));
    }

    [Fact]
    public void Commit_BeyondCapacity_LogsTheDropsWithoutEventDetails()
    {
        var logger = new CapturingLogger();
        _db.Logger = logger;
        ReopenWithCapacity(SmallCapacity);

        _store.Commit([.. Enumerable.Range(0, SmallCapacity + 3).Select(_ => TestEvents.Armed(Now, user: 42))],
            PanelState.Initial);

        var line = Assert.Single(logger.Lines, l => l.StartsWith("3016 ", StringComparison.Ordinal));
        Assert.Contains("dropped 3 ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("42", line, StringComparison.Ordinal);
    }

    private void ReopenWithCapacity(int capacity)
    {
        _store.Dispose();
        _store = _db.Open(capacity).Store;
    }
}
