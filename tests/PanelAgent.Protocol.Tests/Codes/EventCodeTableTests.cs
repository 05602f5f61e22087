using System.Reflection;
using PanelAgent.Core.Events;
using PanelAgent.Protocol.Codes;
using PanelAgent.Protocol.Tests.Support;

namespace PanelAgent.Protocol.Tests.Codes;

public class EventCodeTableTests
{
    public static TheoryData<string> CoreEventKinds()
    {
        var kinds = Constants(typeof(EventKinds)).Where(k => k is not EventKinds.TroublePrefix and not EventKinds.RestoredSuffix);
        return [.. kinds];
    }

    public static TheoryData<string> TroubleEventKinds()
    {
        var kinds = Constants(typeof(TroubleKinds)).Concat(Constants(typeof(TechnicalKinds)));
        return [.. kinds.SelectMany(k => new[] { EventKinds.Trouble(k), EventKinds.TroubleRestored(k) })];
    }

    [Theory]
    [MemberData(nameof(CoreEventKinds))]
    [MemberData(nameof(TroubleEventKinds))]
    public void Entries_EveryCoreKind_IsMappedOrExplicitlyNotReported(string kind)
    {
        Assert.True(EventCodeTable.Entries.TryGetValue(kind, out var code), $"{kind} is not in the code table");

        if (code.IsReported)
        {
            Assert.Matches("^[A-Z]{2}$", code.Sia);
            Assert.Matches("^[13][0-9]{3}$", code.Cid);
            Assert.Null(code.NotReportedBecause);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(code.NotReportedBecause));
            Assert.Null(code.Cid);
        }
    }

    [Fact]
    public void CoreEventKinds_AreFoundByReflection() => Assert.True(CoreEventKinds().Count >= 23);

    [Theory]
    [InlineData(EventKinds.AlarmIntrusion, "BA", "1130")]
    [InlineData(EventKinds.AlarmFire, "FA", "1111")]
    [InlineData(EventKinds.AlarmPanic, "PA", "1120")]
    [InlineData(EventKinds.AlarmDuress, "HA", "1121")]
    [InlineData(EventKinds.AlarmSilent, "HA", "1122")]
    [InlineData(EventKinds.AlarmTamper, "TA", "1137")]
    [InlineData(EventKinds.Disarmed, "OP", "1401")]
    [InlineData(EventKinds.ArmedAway, "CL", "3401")]
    [InlineData(EventKinds.ArmedHome, "CG", "3441")]
    [InlineData(EventKinds.AlarmCancelled, "OR", "1406")]
    [InlineData(EventKinds.ZoneBypassed, "BB", "1570")]
    [InlineData(EventKinds.CodeLockout, "JA", "1461")]
    [InlineData(EventKinds.CodeChanged, "JV", "1306")]
    [InlineData(LinkEventKinds.Heartbeat, "RP", "1602")]
    [InlineData("trouble.mains", "AT", "1301")]
    [InlineData("trouble.mains.restored", "AR", "3301")]
    [InlineData("trouble.battery", "YT", "1302")]
    [InlineData("trouble.battery.restored", "YR", "3302")]
    [InlineData("trouble.water", "WA", "1154")]
    [InlineData("trouble.comms", "YC", "1350")]
    [InlineData("trouble.comms.restored", "YK", "3350")]
    [InlineData("trouble.detector", "UT", "1380")]
    [InlineData("trouble.tamper", "TT", "1383")]
    [InlineData("trouble.output", "OU", "1320")]
    [InlineData("trouble.storage", "YX", "1300")]
    public void For_KnownKind_HasItsStationCodes(string kind, string sia, string cid)
    {
        var code = EventCodeTable.For(kind);

        Assert.Equal(sia, code.Sia);
        Assert.Equal(cid, code.Cid);
    }

    [Theory]
    [InlineData(EventKinds.EntryStarted)]
    [InlineData(EventKinds.ExitStarted)]
    [InlineData(EventKinds.SirenOn)]
    [InlineData(EventKinds.SirenOff)]
    public void For_LocalOnlyKind_IsNotReported(string kind) => Assert.False(EventCodeTable.For(kind).IsReported);

    [Theory]
    [InlineData(EventKinds.AlarmIntrusion, "BR", "3130")]
    [InlineData(EventKinds.AlarmFire, "FR", "3111")]
    [InlineData(EventKinds.AlarmPanic, "PR", "3120")]
    [InlineData(EventKinds.AlarmSilent, "HR", "3122")]
    [InlineData(EventKinds.AlarmTamper, "TR", "3137")]
    [InlineData(null, "UR", "3140")]
    [InlineData("alarm.unheard-of", "UR", "3140")]
    public void ForRestoreOf_AlarmKind_IsThatAlarmsRestore(string? alarmKind, string sia, string cid)
    {
        var code = EventCodeTable.ForRestoreOf(alarmKind);

        Assert.Equal(sia, code.Sia);
        Assert.Equal(cid, code.Cid);
    }

    [Theory]
    [InlineData("trouble.gas", "UT", "1380")]
    [InlineData("trouble.gas.restored", "UJ", "3380")]
    public void For_TechnicalKindTheTableDoesNotName_IsAGenericSensorTrouble(string kind, string sia, string cid)
    {
        var code = EventCodeTable.For(kind);

        Assert.Equal(sia, code.Sia);
        Assert.Equal(cid, code.Cid);
    }

    [Fact]
    public void For_KindOutsideTheVocabulary_IsNotReported() => Assert.False(EventCodeTable.For("party.started").IsReported);

    [Fact]
    public void DocsTable_MatchesTheCodeTable()
    {
        var rows = DocsRows("| `");

        Assert.Equal(EventCodeTable.Entries.Count, rows.Count);
        foreach (var (kind, code) in EventCodeTable.Entries)
        {
            Assert.True(rows.TryGetValue(kind, out var row), $"{kind} is missing from docs/protocol.md");
            Assert.Equal((code.Sia ?? "—", code.Cid ?? "—"), row);
        }
    }

    [Fact]
    public void DocsRestoreTable_MatchesTheCodeTable()
    {
        var rows = DocsRows("| after `");

        Assert.Equal(EventCodeTable.AlarmRestores.Count, rows.Count);
        foreach (var (alarmKind, code) in EventCodeTable.AlarmRestores)
        {
            Assert.True(rows.TryGetValue("after `" + alarmKind, out var row), $"restore after {alarmKind} is missing");
            Assert.Equal((code.Sia, code.Cid), row);
        }
    }

    /// <summary>Rows of the markdown tables in docs/protocol.md whose first cell starts like <paramref name="prefix"/>.</summary>
    private static Dictionary<string, (string? Sia, string? Cid)> DocsRows(string prefix) => File
        .ReadLines(RepoPaths.File("docs/protocol.md"))
        .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
        .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
        .Where(cells => cells.Length > 4)
        .ToDictionary(cells => cells[1].TrimEnd('`').TrimStart('`'), cells => ((string?)cells[2].Trim('`'), (string?)cells[3].Trim('`')));

    private static IEnumerable<string> Constants(Type type) => type
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!);
}
