namespace PanelAgent.Faults.Tests;

public sealed class LedgerTests
{
    private static readonly DateTimeOffset s_at = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Count_EveryEventPrintedOnce_NothingLostOrDuplicated()
    {
        var ledger = new Ledger();
        ledger.AddGenerated([Key(1), Key(2)]);
        ledger.AddStationLine(Line(1));
        ledger.AddStationLine(Line(2));

        var counts = ledger.Count();

        Assert.Equal((2L, 2L, 0L, 0L), (counts.Generated, counts.AtStation, counts.Lost, counts.Duplicated));
    }

    [Fact]
    public void Count_EventNeverPrinted_CountsItLost()
    {
        var ledger = new Ledger();
        ledger.AddGenerated([Key(1), Key(2)]);
        ledger.AddStationLine(Line(1));

        var counts = ledger.Count();

        Assert.Equal(1, counts.Lost);
        Assert.Equal(2, Assert.Single(counts.LostEvents).Seq);
    }

    [Fact]
    public void Count_SamePrintedTwice_CountsOneDuplicate()
    {
        var ledger = new Ledger();
        ledger.AddGenerated([Key(1)]);
        ledger.AddStationLine(Line(1));
        ledger.AddStationLine(Line(1));

        Assert.Equal(1, ledger.Count().Duplicated);
    }

    [Fact]
    public void Count_SeqReusedByAFreshDatabase_IsADifferentEvent()
    {
        // A quarantined database restarts at seq 1: the station printing the old seq 1 does not cover the new one.
        var ledger = new Ledger();
        ledger.AddGenerated([Key(1), Key(1, later: true)]);
        ledger.AddStationLine(Line(1));

        Assert.Equal(1, ledger.Count().Lost);
    }

    [Fact]
    public void AddStationLine_StationsOwnLineAndGarbage_AreNotEvents()
    {
        var ledger = new Ledger();
        ledger.AddStationLine("""{"panel":"panel-a","seq":null,"type":"panel.lost","zone":null,"at":"2026-12-03T10:00:00.000Z"}""");
        ledger.AddStationLine("not json");

        Assert.Equal(0, ledger.Count().AtStation);
    }

    [Fact]
    public void Count_InputChangeNeverLogged_CountsLost()
    {
        var ledger = new Ledger();
        ledger.AddMissingInPanel(3);

        Assert.Equal(3, ledger.Count().Lost);
    }

    private static EventKey Key(long seq, bool later = false) =>
        new(seq, s_at.AddSeconds(later ? 60 + seq : seq).ToUnixTimeMilliseconds(), "trouble.mains", "mains");

    private static string Line(long seq) =>
        $$"""{"panel":"panel-a","seq":{{seq}},"type":"trouble.mains","zone":"mains","user":null,"detail":null,"at":"{{s_at.AddSeconds(seq):yyyy-MM-ddTHH:mm:ss.fffZ}}","sia":"AT","cid":"1301","station":"station-1","received":"2026-12-03T10:00:01.000Z"}""";
}
