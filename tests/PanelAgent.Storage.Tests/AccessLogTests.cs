using PanelAgent.Core.Events;
using PanelAgent.Core.Privacy;
using PanelAgent.Core.Retention;
using PanelAgent.Core.State;
using PanelAgent.Storage.AccessLog;
using PanelAgent.Storage.Tests.Support;

namespace PanelAgent.Storage.Tests;

/// <summary>
/// The hash-chained access log (issue 5 §3): verification holds on an untouched file and fails when an entry is
/// removed, altered or reordered directly in the SQLite file; retention keeps the chain verifiable.
/// </summary>
public sealed class AccessLogTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly SqliteEventStore _store;

    public AccessLogTests() => _store = _db.Open().Store;

    private DateTimeOffset Now => _db.Time.GetUtcNow();

    [Fact]
    public void Verify_UntouchedLog_IsIntactAndCountsEveryEntry()
    {
        AppendFive();

        var result = _store.VerifyAccessLog();

        Assert.True(result.Intact, result.Problem);
        Assert.Equal((5L, 1L, 5L), (result.Entries, result.FirstSequence, result.LastSequence));
        Assert.Equal(_store.ReadAccessLog()[^1].Hash, result.HeadHash);
    }

    [Fact]
    public void Verify_EntryDeletedInTheFile_FailsNamingIt()
    {
        AppendFive();

        _db.Execute("DELETE FROM access_log WHERE seq = 3");

        AssertBroken(3, "missing");
    }

    [Fact]
    public void Verify_EntryAlteredInTheFile_FailsNamingIt()
    {
        AppendFive();

        _db.Execute("UPDATE access_log SET subject = 'user:9' WHERE seq = 2");

        AssertBroken(2, "altered");
    }

    [Fact]
    public void Verify_TwoEntriesSwappedInTheFile_Fails()
    {
        AppendFive();

        _db.Execute("UPDATE access_log SET seq = -1 WHERE seq = 2; UPDATE access_log SET seq = 2 WHERE seq = 3; " +
            "UPDATE access_log SET seq = 3 WHERE seq = -1");

        AssertBroken(2, "chain");
    }

    [Fact]
    public void Verify_NewestEntriesCutFromTheEnd_Fails()
    {
        AppendFive();

        _db.Execute("DELETE FROM access_log WHERE seq >= 4");

        AssertBroken(4, "missing");
    }

    [Fact]
    public void Append_AfterTheEndWasCut_TheGapStaysVisible()
    {
        AppendFive();
        _db.Execute("DELETE FROM access_log WHERE seq = 5");

        _store.Append(Entry(AccessActions.SessionOpened));

        AssertBroken(5, "missing");
    }

    [Fact]
    public void Prune_EntriesOlderThanTwelveMonths_RemovedAndTheRestStillVerifies()
    {
        _store.Append(Entry(AccessActions.SessionOpened, Now.AddMonths(-13)));
        _store.Append(Entry(AccessActions.SessionCommand, Now.AddMonths(-12)));
        _store.Append(Entry(AccessActions.SessionCommand, Now.AddMonths(-11)));
        _store.Append(Entry(AccessActions.CodeChanged, Now));

        _store.Prune(Now, RetentionPolicy.Default);

        var result = _store.VerifyAccessLog();
        Assert.True(result.Intact, result.Problem);
        Assert.Equal((2L, 3L, 4L, 2L), (result.Entries, result.FirstSequence, result.LastSequence, result.Pruned));
        _store.Append(Entry(AccessActions.SessionOpened));
        Assert.True(_store.VerifyAccessLog().Intact);
    }

    [Fact]
    public void Prune_AnchorAltered_FirstKeptEntryNoLongerChains()
    {
        _store.Append(Entry(AccessActions.SessionOpened, Now.AddMonths(-13)));
        _store.Append(Entry(AccessActions.SessionCommand, Now));
        _store.Prune(Now, RetentionPolicy.Default);

        _db.Execute("UPDATE access_log_anchor SET hash = '" + AccessChain.Genesis + "'");

        AssertBroken(2, "chain");
    }

    [Fact]
    public void VerifyFile_ClosedDatabase_SameVerdictAsTheStore()
    {
        AppendFive();
        _store.Dispose();
        _db.Execute("UPDATE access_log SET actor = 'station' WHERE seq = 4");

        var result = AccessLogVerifier.VerifyFile(_db.DbPath);

        Assert.False(result.Intact);
        Assert.Equal(4L, result.BadSequence);
    }

    [Fact]
    public void Append_StoreClosed_DoesNotThrow()
    {
        _store.Dispose();

        _store.Append(Entry(AccessActions.SessionOpened));

        Assert.Equal(0L, _store.AccessEntriesDropped);
    }

    [Fact]
    public void Append_WhileAnotherConnectionHoldsTheWriteLock_HeldThenWrittenInOrder()
    {
        _store.Append(Entry(AccessActions.SessionOpened));
        using (var other = _db.Raw())
        {
            using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();

            _store.Append(Entry(AccessActions.SessionCommand)); // must not throw
        }

        _store.Append(Entry(AccessActions.UserRemoved));

        Assert.Equal([AccessActions.SessionOpened, AccessActions.SessionCommand, AccessActions.UserRemoved],
            _store.ReadAccessLog().Select(e => e.Entry.Action));
        Assert.True(_store.VerifyAccessLog().Intact);
    }

    [Fact]
    public void CaptureRestricted_SetThenReopened_StillRestricted()
    {
        Assert.False(_store.CaptureRestricted);

        _store.SetCaptureRestricted(true);
        _store.Dispose();
        using var reopened = _db.Open().Store;

        Assert.True(reopened.CaptureRestricted);
        reopened.SetCaptureRestricted(false);
        Assert.False(reopened.CaptureRestricted);
    }

    [Fact]
    public void ErasePersonalData_KeepsAlarmHistoryAndAccessLog_RemovesArmLogAndLabels()
    {
        _store.Commit([TestEvents.Armed(Now), TestEvents.Disarmed(Now), TestEvents.Intrusion(Now),
            new PanelEvent(EventKinds.CodeChanged, Now, User: 2)], PanelState.Initial);
        _db.Execute("INSERT INTO users (number, label, code_hash, is_duress) VALUES (4, 'Synthetic Person', 'x', 0)");
        AppendFive();

        var erased = _store.ErasePersonalData();

        Assert.Equal(new ErasureResult(1, 2, 3), erased);
        Assert.Empty(_store.ReadArmLog());
        Assert.Single(_store.ReadAlarmHistory());
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM users WHERE label IS NOT NULL"));
        Assert.True(_store.VerifyAccessLog().Intact);
    }

    public void Dispose()
    {
        _store.Dispose();
        _db.Dispose();
    }

    private static AccessEntry Entry(string action, DateTimeOffset? at = null) =>
        new(at ?? new DateTimeOffset(2025, 5, 31, 12, 0, 0, TimeSpan.Zero), "technician:1000", action, "user:1", "test");

    private void AppendFive()
    {
        foreach (var action in new[] { AccessActions.SessionOpened, AccessActions.SessionCommand,
            AccessActions.UserAdded, AccessActions.CodeChanged, AccessActions.PrivacyExported })
        {
            _store.Append(Entry(action));
        }
    }

    private void AssertBroken(long sequence, string word)
    {
        var result = _store.VerifyAccessLog();
        Assert.False(result.Intact);
        Assert.Equal(sequence, result.BadSequence);
        Assert.Contains(word, result.Problem, StringComparison.Ordinal);
    }
}
