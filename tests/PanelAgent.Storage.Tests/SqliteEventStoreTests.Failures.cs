using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Retention;
using PanelAgent.Core.State;
using PanelAgent.Core.Users;
using PanelAgent.Storage.Tests.Support;

namespace PanelAgent.Storage.Tests;

/// <summary>
/// Write failures. Two reliable ways to make a real commit fail: another connection holding the write lock (SQLite
/// answers SQLITE_BUSY after the busy timeout, as it would while a technician tool held a transaction open), and
/// <c>PRAGMA max_page_count</c> on the store's own connection, which makes SQLite answer SQLITE_FULL exactly like a
/// full disk, without needing a tiny file system or root. Both clear the way a real cause clears.
/// </summary>
public sealed partial class SqliteEventStoreTests
{
    [Fact]
    public void Commit_WhileAnotherConnectionHoldsTheWriteLock_ThrowsStorageUnavailableThenRecovers()
    {
        var before = _store.Commit([TestEvents.Armed(Now)], PanelState.Initial with { Phase = PanelPhase.ArmedAway });
        using (var other = _db.Raw())
        {
            using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();

            var failure = Assert.Throws<StorageUnavailableException>(
                () => _store.Commit([TestEvents.Disarmed(Now)], PanelState.Initial));
            Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(failure.InnerException);
        }

        var after = _store.Commit([TestEvents.Disarmed(Now)], PanelState.Initial);

        Assert.Equal(before[0].Sequence + 1, after[0].Sequence);
        Assert.Equal(PanelPhase.Disarmed, _store.LoadState()!.Phase);
    }

    [Fact]
    public void Commit_WhenTheDatabaseIsFull_RollsBackTheWholeBatchAndRecovers()
    {
        var kept = _store.Commit([TestEvents.Armed(Now)], PanelState.Initial with { Phase = PanelPhase.ArmedAway });
        _store.ScalarOnStoreConnection("PRAGMA max_page_count = 1"); // clamps to the current size: no growth
        var large = Enumerable.Range(0, 200).Select(i => new PanelEvent(EventKinds.SirenOn, Now, Detail: new string('x', 500)));

        var failure = Assert.Throws<StorageUnavailableException>(
            () => _store.Commit([.. large], PanelState.Initial with { Phase = PanelPhase.Alarm }));

        Assert.Equal(13, ((Microsoft.Data.Sqlite.SqliteException)failure.InnerException!).SqliteErrorCode); // SQLITE_FULL
        Assert.Equal(kept, _store.ReadEvents(0, 1000));
        Assert.Equal(PanelPhase.ArmedAway, _store.LoadState()!.Phase);
        var retried = _store.Commit([.. large], PanelState.Initial with { Phase = PanelPhase.Alarm });
        Assert.Equal(kept[0].Sequence + 1, retried[0].Sequence);
        Assert.Equal(PanelPhase.Alarm, _store.LoadState()!.Phase);
        Assert.Equal(2L, _store.ScalarOnStoreConnection("PRAGMA synchronous"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("""{"phase":"Exploded"}""")]
    [InlineData("""{"phase":"Disarmed","bypassed":null}""")]
    public void LoadState_UnreadableJson_ReturnsNullAndFlagsItUntilTheNextCommit(string json)
    {
        _store.Commit([], PanelState.Initial);
        _store.Dispose();
        _db.Execute($"UPDATE panel_state SET json = '{json}'");
        _store = _db.Open().Store;

        Assert.Null(_store.LoadState());
        Assert.True(_store.StateUnreadable);

        _store.Commit([], PanelState.Initial with { Phase = PanelPhase.ArmedHome });
        Assert.Equal(PanelPhase.ArmedHome, _store.LoadState()!.Phase);
        Assert.False(_store.StateUnreadable);
    }

    [Fact]
    public void Commit_AfterDispose_ThrowsObjectDisposed()
    {
        _store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _store.Commit([TestEvents.Armed(Now)], PanelState.Initial));
    }

    [Fact]
    public void Log_CommitsUsersFailuresAndPrunes_NeverContainsDetailsLabelsOrHashes()
    {
        var logger = new CapturingLogger();
        _db.Logger = logger;
        Reopen();
        var user = new UserRecord(7, "Synthetic Person Seven", new CodeHash(1000, [1, 2, 3], [4, 5, 6]), false);

        _store.Save(user);
        _store.Commit([new PanelEvent(EventKinds.AlarmPanic, Now, "secret-zone", 7, "secret-detail")], PanelState.Initial);
        using (var other = _db.Raw())
        {
            using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
            Assert.Throws<StorageUnavailableException>(() => _store.Save(user));
        }

        _store.Prune(Now.AddYears(6), RetentionPolicy.Default);

        Assert.Contains(logger.Lines, line => line.StartsWith("3000 ", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, line => line.StartsWith("3011 ", StringComparison.Ordinal));
        string[] secrets = ["secret-zone", "secret-detail", "Synthetic Person", user.Code.ToString(), "AQID"];
        Assert.DoesNotContain(logger.Lines, line => secrets.Any(s => line.Contains(s, StringComparison.Ordinal)));
    }
}
