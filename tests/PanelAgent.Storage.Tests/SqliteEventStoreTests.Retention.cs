using System.Text;
using PanelAgent.Core.Events;
using PanelAgent.Core.Retention;
using PanelAgent.Core.State;
using PanelAgent.Storage.Tests.Support;

namespace PanelAgent.Storage.Tests;

/// <summary>Retention, P7 and P8. The clock reads 2025-05-31 12:00 UTC: three calendar months back is 28 February.</summary>
public sealed partial class SqliteEventStoreTests
{
    private static readonly DateTimeOffset s_armCutoff = new(2025, 2, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_historyCutoff = new(2020, 5, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Prune_ArmEntriesAroundThreeCalendarMonths_RemovesThoseAtOrBeforeTheBoundary()
    {
        var stored = _store.Commit(
        [
            TestEvents.Armed(s_armCutoff.AddDays(-1)),
            TestEvents.Disarmed(s_armCutoff),
            TestEvents.Armed(s_armCutoff.AddMilliseconds(1)),
            // 91 days ago: a "90 days" rule would drop it, three calendar months keep it.
            TestEvents.Disarmed(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)),
        ], PanelState.Initial);

        var result = _store.Prune(Now, RetentionPolicy.Default);

        Assert.Equal(new PruneResult(2, 0, 2), result);
        Assert.Equal(stored.Skip(2), _store.ReadArmLog());
        Assert.Equal(stored.Skip(2), _store.ReadEvents(0, 10));
    }

    [Fact]
    public void Prune_AlarmHistoryAroundFiveYears_RemovesThoseAtOrBeforeTheBoundaryOnly()
    {
        var stored = _store.Commit(
        [
            TestEvents.Intrusion(s_historyCutoff),
            TestEvents.Intrusion(s_historyCutoff.AddMilliseconds(1)),
            TestEvents.Intrusion(Now.AddMonths(-4)), // older than the arm log period, well inside five years
        ], PanelState.Initial);
        AcknowledgeAll(stored);

        var result = _store.Prune(Now, RetentionPolicy.Default);

        Assert.Equal(new PruneResult(0, 1, 1), result);
        Assert.Equal(stored.Skip(1), _store.ReadAlarmHistory());
        Assert.Equal(stored.Skip(1), _store.ReadEvents(0, 10));
    }

    [Fact]
    public void Prune_OldEventsOutsideTheLogs_RemovedFromTheEventLogToo()
    {
        // 105 old arm events: the ring already dropped 5 from the arm log, but the events themselves remain until
        // retention removes them from the event log as well.
        var old = Enumerable.Range(0, 105).Select(i => TestEvents.Armed(s_armCutoff.AddMinutes(-i)));
        _store.Commit([.. old, TestEvents.SirenOn(s_armCutoff)], PanelState.Initial);
        var recent = _store.Commit([TestEvents.SirenOn(Now), TestEvents.Armed(Now)], PanelState.Initial);

        var result = _store.Prune(Now, RetentionPolicy.Default);

        Assert.Equal(new PruneResult(99, 0, 106), result);
        Assert.Equal(recent, _store.ReadEvents(0, 1000));
        Assert.Equal([recent[1]], _store.ReadArmLog());
    }

    [Fact]
    public void Prune_ShorterEntryCap_KeepsOnlyTheNewestEntriesInTheArmLog()
    {
        var stored = _store.Commit([.. Enumerable.Range(0, 15).Select(i => TestEvents.Armed(Now.AddMinutes(-15 + i)))],
            PanelState.Initial);

        var result = _store.Prune(Now, RetentionPolicy.Create(10, 3, 5));

        Assert.Equal(new PruneResult(5, 0, 0), result);
        Assert.Equal(stored.Skip(5), _store.ReadArmLog());
    }

    [Fact]
    public void Prune_ExpiredEntry_LeavesNoCopyOfItsDetailInTheFile()
    {
        var marker = "retention-marker-" + Guid.NewGuid().ToString("N");
        _store.Commit([new PanelEvent(EventKinds.ArmedAway, s_armCutoff.AddDays(-1), Detail: marker)], PanelState.Initial);
        _store.Commit([TestEvents.Armed(Now)], PanelState.Initial);
        _store.Dispose(); // the last close checkpoints the WAL into the database file
        Assert.True(FileContains(_db.DbPath, marker)); // the check below can fail

        _store = _db.Open().Store;
        _store.Prune(Now, RetentionPolicy.Default);
        _store.Dispose();

        Assert.False(FileContains(_db.DbPath, marker));
        _store = _db.Open().Store;
    }

    [Fact]
    public void Prune_UnacknowledgedAlarmOlderThanFiveYears_DeletedAnyway()
    {
        _store.Commit([TestEvents.Intrusion(s_historyCutoff), TestEvents.MainsTrouble(s_historyCutoff)],
            PanelState.Initial);

        var result = _store.Prune(Now, RetentionPolicy.Default);

        // P8's five years are a cap: an alarm never acknowledged in five years is deleted like any other.
        Assert.Equal(new PruneResult(0, 2, 2), result);
        Assert.Empty(_store.ReadAlarmHistory());
        Assert.Equal(0, _store.PendingCount);
    }

    [Fact]
    public void Prune_UnacknowledgedArmEventOlderThanThreeMonths_DeletedAnyway()
    {
        _store.Commit([TestEvents.Armed(s_armCutoff), TestEvents.SirenOn(s_armCutoff)], PanelState.Initial);
        var countBefore = _store.PendingCount;

        var result = _store.Prune(Now, RetentionPolicy.Default);

        // P7 wins over delivery: the station never gets them, and the outbox count follows.
        Assert.Equal(2, countBefore);
        Assert.Equal(new PruneResult(1, 0, 2), result);
        Assert.Equal(0, _store.PendingCount);
        Assert.Empty(_store.NextToSend(10));
    }

    private void AcknowledgeAll(IEnumerable<StoredEvent> events)
    {
        foreach (var stored in events)
        {
            Assert.True(_store.Acknowledge(stored.Sequence, Now));
        }
    }

    private static bool FileContains(string path, string text) =>
        File.ReadAllBytes(path).AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
