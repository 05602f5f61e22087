using Microsoft.Data.Sqlite;
using PanelAgent.Cli.Tests.Support;

namespace PanelAgent.Cli.Tests;

/// <summary>
/// <c>panelctl audit verify</c> against the running agent and against the file: exit 0 on the untouched log, exit 2
/// when an entry was removed or altered directly in the SQLite file.
/// </summary>
public sealed class AuditVerifyTests
{
    [Fact]
    public async Task AuditVerify_EntryDeletedInTheFileWhileRunning_Exit2NamingTheEntry()
    {
        await using var harness = DiagnosticsHarness.Start();
        await harness.RunAsync("status");
        await harness.RunAsync("zones");
        Assert.Equal(0, (await harness.RunAsync("audit", "verify")).ExitCode);

        Execute(harness.DatabasePath, "DELETE FROM access_log WHERE seq = 2");
        var run = await harness.RunAsync("audit", "verify");

        Assert.Equal(CliExitCodes.CheckFailed, run.ExitCode);
        Assert.Contains("ACCESS LOG BROKEN at entry 2", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerifyDb_EntryAlteredInTheFile_Exit2()
    {
        string database;
        await using (var harness = DiagnosticsHarness.Start())
        {
            await harness.RunAsync("users");
            await harness.RunAsync("privacy", "restrict");
            // A consistent copy of the live file (copying a WAL database's files is not one).
            database = harness.DatabasePath + ".copy";
            Execute(harness.DatabasePath, $"VACUUM INTO '{database}'", expectedRows: 0);
            var untouched = await harness.RunAsync("audit", "verify", "--db", database);
            Assert.Equal(0, untouched.ExitCode);

            Execute(database, "UPDATE access_log SET action = 'privacy.restriction-lifted' WHERE action = 'privacy.restricted'");
            var run = await harness.RunAsync("audit", "verify", "--db", database, "--json");

            Assert.Equal(CliExitCodes.CheckFailed, run.ExitCode);
            Assert.Contains("\"intact\": false", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("altered", run.Stdout, StringComparison.Ordinal);
        }
    }

    private static void Execute(string path, string sql, int expectedRows = 1)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(expectedRows, command.ExecuteNonQuery());
    }
}
