using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Storage.Tests.Support;

namespace PanelAgent.Storage.Tests;

public sealed partial class SqliteEventStoreTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private SqliteEventStore _store;

    public SqliteEventStoreTests()
    {
        _store = _db.Open().Store;
    }

    private DateTimeOffset Now => _db.Time.GetUtcNow();

    public void Dispose()
    {
        _store.Dispose();
        _db.Dispose();
    }

    [Fact]
    public void LoadState_FreshDatabase_ReturnsNull()
    {
        Assert.Null(_store.LoadState());
        Assert.False(_store.StateUnreadable);
    }

    [Fact]
    public void Commit_StateWithEveryMember_RoundTripsAfterReopen()
    {
        var state = new PanelState
        {
            Phase = PanelPhase.EntryDelay,
            Mode = ArmMode.Home,
            DelayEndsAt = Now.AddSeconds(30),
            TriggerZone = "z3",
            SirenUntil = Now.AddMinutes(3),
            Bypassed = ["z7", "z8"],
            AlarmedZones = ["z3"],
            OpenTroubles = ["mains", "detector:z9"],
            Lockout = new LockoutState(4, Now.AddMinutes(5)),
        };

        _store.Commit([TestEvents.Armed(Now)], state);
        Reopen();
        var loaded = _store.LoadState();

        Assert.NotNull(loaded);
        Assert.Equal(state.Phase, loaded.Phase);
        Assert.Equal(state.Mode, loaded.Mode);
        Assert.Equal(state.DelayEndsAt, loaded.DelayEndsAt);
        Assert.Equal(state.TriggerZone, loaded.TriggerZone);
        Assert.Equal(state.SirenUntil, loaded.SirenUntil);
        Assert.Equal(state.Bypassed, loaded.Bypassed);
        Assert.Equal(state.AlarmedZones, loaded.AlarmedZones);
        Assert.Equal(state.OpenTroubles, loaded.OpenTroubles);
        Assert.Equal(state.Lockout, loaded.Lockout);
        Assert.Equal(state.NextDeadline, loaded.NextDeadline);
    }

    [Fact]
    public void Commit_State_StoredAsJsonWithEnumNamesAndNoDerivedMembers()
    {
        _store.Commit([], PanelState.Initial with { Phase = PanelPhase.ExitDelay, DelayEndsAt = Now });

        var json = (string)_store.ScalarOnStoreConnection("SELECT json FROM panel_state WHERE id = 1")!;

        Assert.Contains("\"phase\":\"ExitDelay\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("nextDeadline", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Commit_InitialState_RoundTrips()
    {
        _store.Commit([], PanelState.Initial);

        var loaded = _store.LoadState();

        Assert.NotNull(loaded);
        Assert.Equal(PanelPhase.Disarmed, loaded.Phase);
        Assert.Empty(loaded.Bypassed);
        Assert.Equal(LockoutState.None, loaded.Lockout);
        Assert.Empty(_store.ReadEvents(0, 10));
    }

    [Fact]
    public void Commit_Batches_ReturnsIncreasingSequencesMatchingTheLog()
    {
        var first = _store.Commit([TestEvents.Armed(Now), TestEvents.SirenOn(Now)], PanelState.Initial);
        var second = _store.Commit([TestEvents.Intrusion(Now.AddSeconds(1))], PanelState.Initial);

        long[] sequences = [.. first.Concat(second).Select(e => e.Sequence)];
        Assert.Equal([1, 2, 3], sequences);
        Assert.Equal(first.Concat(second), _store.ReadEvents(0, 10));
    }

    [Fact]
    public void Commit_AfterNewestRowsDeletedAndReopen_NeverReusesASequence()
    {
        _store.Commit([TestEvents.SirenOn(Now), TestEvents.SirenOn(Now), TestEvents.SirenOn(Now)], PanelState.Initial);
        _store.Dispose();
        _db.Execute("DELETE FROM events");
        _store = _db.Open().Store;

        var next = _store.Commit([TestEvents.SirenOn(Now)], PanelState.Initial);

        Assert.Equal(4, Assert.Single(next).Sequence);
    }

    [Fact]
    public void Commit_EventsOfEachCategory_FiledUnderTheirLog()
    {
        var stored = _store.Commit(
            [TestEvents.Armed(Now), TestEvents.Intrusion(Now), TestEvents.SirenOn(Now), TestEvents.Disarmed(Now)],
            PanelState.Initial);

        Assert.Equal([stored[0], stored[3]], _store.ReadArmLog());
        Assert.Equal([stored[1]], _store.ReadAlarmHistory());
        Assert.Equal(4, _store.ReadEvents(0, 10).Count);
    }

    [Fact]
    public void Commit_MoreThanHundredArmEvents_ArmLogKeepsExactlyTheLastHundred()
    {
        var all = new List<StoredEvent>();
        for (var batch = 0; batch < 13; batch++)
        {
            var events = Enumerable.Range(0, 10).Select(i => TestEvents.Armed(Now.AddSeconds((batch * 10) + i))).ToList();
            all.AddRange(_store.Commit(events, PanelState.Initial));
        }

        var armLog = _store.ReadArmLog();

        Assert.Equal(100, armLog.Count);
        Assert.Equal(all.Skip(30), armLog);
        Assert.Equal(130, _store.ReadEvents(0, 1000).Count);
    }

    [Fact]
    public void ReadEvents_AfterSequenceWithMax_ReturnsThatPageInOrder()
    {
        var stored = _store.Commit([.. Enumerable.Range(0, 6).Select(i => TestEvents.SirenOn(Now.AddSeconds(i)))],
            PanelState.Initial);

        Assert.Equal(stored.Skip(2).Take(3), _store.ReadEvents(stored[1].Sequence, 3));
    }

    [Fact]
    public void Commit_FromManyThreads_EverySequenceDistinctAndLogComplete()
    {
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => _store.Commit([TestEvents.SirenOn(Now.AddMilliseconds(i))], PanelState.Initial));

        var events = _store.ReadEvents(0, 1000);

        Assert.Equal(200, events.Count);
        Assert.Equal(200, events.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public void StoreConnection_AfterOpen_UsesWalFullSyncAndForeignKeys()
    {
        Assert.Equal("wal", _store.ScalarOnStoreConnection("PRAGMA journal_mode"));
        Assert.Equal(2L, _store.ScalarOnStoreConnection("PRAGMA synchronous"));
        Assert.Equal(1L, _store.ScalarOnStoreConnection("PRAGMA foreign_keys"));
        Assert.Equal(1L, _store.ScalarOnStoreConnection("PRAGMA secure_delete"));
    }

    [Fact]
    public void IntegrityCheck_AfterManyCommitsAndPrunes_ReturnsTrue()
    {
        for (var i = 0; i < 300; i++)
        {
            _store.Commit([TestEvents.Armed(Now.AddDays(-200 + i)), TestEvents.Intrusion(Now.AddDays(-200 + i))],
                PanelState.Initial with { Bypassed = [$"z{i}"] });
        }

        _store.Prune(Now, Core.Retention.RetentionPolicy.Default);

        Assert.True(_store.IntegrityCheck());
    }

    private void Reopen()
    {
        _store.Dispose();
        _store = _db.Open().Store;
    }
}
