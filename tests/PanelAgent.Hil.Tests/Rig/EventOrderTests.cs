using Microsoft.Extensions.Time.Testing;
using PanelAgent.Core.Events;
using PanelAgent.Hil.Rig;

namespace PanelAgent.Hil.Tests.Rig;

public class EventOrderTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Released_AlarmOvertookTheEventBefore_BackInSequenceOrder()
    {
        var order = new EventOrder(_time, TimeSpan.FromSeconds(10));

        order.Add(7, Event("entry.started"));
        order.Add(9, Event("alarm.intrusion"));
        Assert.Equal(["entry.started"], Kinds(order));

        order.Add(8, Event("siren.on"));

        Assert.Equal(["entry.started", "siren.on", "alarm.intrusion"], Kinds(order));
        Assert.Equal(["entry.started", "alarm.intrusion", "siren.on"], order.Arrived().Select(e => e.Kind));
    }

    [Fact]
    public void Released_HoleNeverFilled_ReleasedAfterTheTimeout()
    {
        var order = new EventOrder(_time, TimeSpan.FromSeconds(10));
        order.Add(1, Event("exit.started"));
        order.Add(3, Event("armed.away"));

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(["exit.started"], Kinds(order));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["exit.started", "armed.away"], Kinds(order));
    }

    [Fact]
    public void Add_SameSequenceTwice_ReleasedOnce()
    {
        var order = new EventOrder(_time, TimeSpan.FromSeconds(10));

        order.Add(1, Event("siren.on"));
        order.Add(2, Event("siren.off"));
        order.Add(2, Event("siren.off"));

        Assert.Equal(["siren.on", "siren.off"], Kinds(order));
    }

    private PanelEvent Event(string kind) => new(kind, _time.GetUtcNow());

    private static IEnumerable<string> Kinds(EventOrder order) => order.Released().Select(e => e.Kind);
}
