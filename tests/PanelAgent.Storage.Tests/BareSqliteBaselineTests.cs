using PanelAgent.Storage.Tests.Support;

namespace PanelAgent.Storage.Tests;

public sealed class BareSqliteBaselineTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Insert_Rows_EachCommittedToAWalFile()
    {
        var path = Path.Combine(_db.DirectoryPath, "baseline.db");
        var now = _db.Time.GetUtcNow();

        using (var baseline = new BareSqliteBaseline(path))
        {
            Assert.Equal([1L, 2L, 3L], Enumerable.Range(0, 3).Select(i => baseline.Insert(TestEvents.Armed(now))));
        }

        using var connection = _db.Raw(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        Assert.Equal(3L, command.ExecuteScalar());
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }
}
