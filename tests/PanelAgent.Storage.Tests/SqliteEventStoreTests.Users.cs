using PanelAgent.Core.Users;

namespace PanelAgent.Storage.Tests;

public sealed partial class SqliteEventStoreTests
{
    private static readonly CodeHash s_hashA = new(210_000, [1, 2, 3, 4], [9, 8, 7, 6]);
    private static readonly CodeHash s_hashB = new(600_000, [5, 6, 7, 8], [1, 1, 2, 3]);

    [Fact]
    public void Save_NewThenChangedUser_UpsertsAndLoadsAfterReopen()
    {
        _store.Save(new UserRecord(2, "Synthetic Two", s_hashA, false));
        _store.Save(new UserRecord(1, null, s_hashA, true));
        _store.Save(new UserRecord(2, "Synthetic Two Renamed", s_hashB, false));
        Reopen();

        var users = _store.LoadUsers();

        Assert.Equal(2, users.Count);
        Assert.Equal((1, (string?)null, s_hashA.ToString(), true),
            (users[0].Number, users[0].Label, users[0].Code.ToString(), users[0].IsDuress));
        Assert.Equal((2, (string?)"Synthetic Two Renamed", s_hashB.ToString(), false),
            (users[1].Number, users[1].Label, users[1].Code.ToString(), users[1].IsDuress));
    }

    [Fact]
    public void Save_User_StoresTheHashTextOnly()
    {
        _store.Save(new UserRecord(3, "Synthetic Three", s_hashA, false));

        Assert.Equal(s_hashA.ToString(), _store.ScalarOnStoreConnection("SELECT code_hash FROM users WHERE number = 3"));
        Assert.StartsWith("pbkdf2-sha256$210000$", s_hashA.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadUsers_OneUnreadableHash_SkipsOnlyThatUser()
    {
        _store.Save(new UserRecord(1, null, s_hashA, false));
        _store.Save(new UserRecord(2, null, s_hashB, false));
        _store.ScalarOnStoreConnection("UPDATE users SET code_hash = 'plain-1234' WHERE number = 1");

        var users = _store.LoadUsers();

        Assert.Equal(2, Assert.Single(users).Number);
    }
}
