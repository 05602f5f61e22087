using PanelAgent.Core.Capture;
using PanelAgent.Core.Events;

namespace PanelAgent.Core.Tests.Capture;

public class CapturePolicyTests
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private long _seq;
    private CaptureState _state = CaptureState.Initial;

    [Fact]
    public void Decide_IntrusionFromCameraPir_CapturesThatCameraAndFollowers()
    {
        var orders = Orders(Event(EventKinds.AlarmIntrusion, "hall-pir"));
        Assert.Equal(["hall-cam", "living-cam"], orders.Select(o => o.Camera).Order());
        Assert.All(orders, o => Assert.Equal((CaptureReason.Intrusion, 1L, false), (o.Reason, o.AlarmSeq, o.Held)));
    }

    [Theory]
    [InlineData(EventKinds.AlarmIntrusion, "living-pir")] // interior zone without a camera
    [InlineData(EventKinds.AlarmIntrusion, "window")]
    [InlineData(EventKinds.ZoneRestored, "hall-pir")]
    [InlineData(EventKinds.ArmedAway, null)]
    [InlineData(EventKinds.AlarmTamper, "hall-pir")]
    [InlineData(EventKinds.AlarmDuress, null)]
    public void Decide_EventNoRuleNames_CapturesNothing(string kind, string? zone) =>
        Assert.Empty(Orders(Event(kind, zone)));

    [Fact]
    public void Decide_SmokeInFireZone_CapturesVerifyingCameras() =>
        Assert.Equal(["hall-cam"], Orders(Event(EventKinds.AlarmFire, "kitchen-smoke")).Select(o => o.Camera));

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void Decide_Panic_CapturesOnlyWhereConfigured(bool configured, int expected) =>
        Assert.Equal(expected, Orders(Event(EventKinds.AlarmPanic, "bedroom-panic"), PolicyFixture.Settings(panic: configured)).Count);

    [Fact]
    public void Decide_Restricted_CapturesNothingAndRefusesRequests()
    {
        Assert.Empty(Orders(Event(EventKinds.AlarmIntrusion, "hall-pir"), restricted: true));
        var refused = Assert.IsType<RequestRefused>(Assert.Single(Decide(new PictureRequested("station", "hall-cam"), restricted: true)));
        Assert.Equal("restricted", refused.Why);
    }

    [Fact]
    public void Decide_RequestWithoutAlarm_IsRefused()
    {
        var refused = Assert.IsType<RequestRefused>(Assert.Single(Decide(new PictureRequested("station", "hall-cam"))));
        Assert.Equal("no-alarm", refused.Why);
    }

    [Fact]
    public void Decide_RequestDuringAlarm_CapturesOnceThenRefuses()
    {
        Decide(Event(EventKinds.AlarmIntrusion, "window"));
        var order = Assert.IsType<CaptureOrder>(Assert.Single(Decide(new PictureRequested("station", "garage-cam"))));
        Assert.Equal((CaptureReason.Request, 1L, "station"), (order.Reason, order.AlarmSeq, order.Actor));
        Assert.Equal("already-taken", Assert.IsType<RequestRefused>(Assert.Single(Decide(new PictureRequested("station", "garage-cam")))).Why);
    }

    [Fact]
    public void Decide_RequestAfterDisarm_IsRefused()
    {
        Decide(Event(EventKinds.AlarmIntrusion, "window"));
        Decide(Event(EventKinds.Disarmed, null));
        Assert.IsType<RequestRefused>(Assert.Single(Decide(new PictureRequested("station", "hall-cam"))));
    }

    [Fact]
    public void Decide_SabotageThenNormalDisarm_HeldFramesDiscardedAtNextClock()
    {
        var orders = Orders(Event(EventKinds.EntryStarted, "front-door"));
        Assert.All(orders, o => Assert.True(o.Held));
        Assert.Equal(["attic-cam", "hall-cam"], orders.Select(o => o.Camera).Order());
        Assert.Empty(Decide(Event(EventKinds.Disarmed, null)));
        Assert.Equal(new DiscardHeld(1, "normal-disarm"), Assert.Single(Decide(new ClockAdvanced())));
    }

    [Theory]
    [InlineData(EventKinds.AlarmDuress, "duress")]
    [InlineData(EventKinds.AlarmCancelled, null)]
    [InlineData(EventKinds.DoorUnlocked, null)]
    [InlineData(EventKinds.CodeLockout, null)]
    public void Decide_DisarmInSameCommit_DuressReleasesOthersWait(string kind, string? why)
    {
        Decide(Event(EventKinds.EntryStarted, "front-door"));
        Decide(Event(EventKinds.Disarmed, null));
        var decisions = Decide(Event(kind, null));
        Assert.Equal(why is null ? [] : [new ReleaseHeld(1, why)], decisions);
    }

    [Fact]
    public void Decide_DuressAfterTheClockMoved_ReleasesNothing()
    {
        Decide(Event(EventKinds.EntryStarted, "front-door"));
        Decide(Event(EventKinds.Disarmed, null));
        Assert.IsType<DiscardHeld>(Assert.Single(Decide(new ClockAdvanced())));
        Assert.Empty(Decide(Event(EventKinds.AlarmDuress, null)));
    }

    [Theory]
    [InlineData(EventKinds.CodeLockout, "lockout")]
    [InlineData(EventKinds.AlarmIntrusion, "alarm")]
    public void Decide_SomethingWrongDuringEntry_ReleasesHeldFrames(string kind, string why)
    {
        Decide(Event(EventKinds.EntryStarted, "front-door"));
        Assert.Contains(new ReleaseHeld(1, why), Decide(Event(kind, "front-door")));
    }

    [Fact]
    public void Decide_LensCoveredDuringEntry_ReleasesHeldFrames()
    {
        Decide(Event(EventKinds.EntryStarted, "front-door"));
        Assert.Equal(new ReleaseHeld(1, "lens-covered"), Assert.Single(Decide(new LensCovered(1, "hall-cam"))));
    }

    [Fact]
    public void Decide_SabotageCheckOff_NoFrames() =>
        Assert.Empty(Orders(Event(EventKinds.EntryStarted, "front-door"), PolicyFixture.Settings(sabotage: false)));

    [Fact]
    public void Decide_EventOlderThanWindow_CapturesNothing()
    {
        var old = new EventPersisted(new StoredEvent(++_seq, new PanelEvent(EventKinds.AlarmIntrusion, s_now - TimeSpan.FromHours(2), "hall-pir")));
        Assert.Empty(Orders(old));
    }

    private EventPersisted Event(string kind, string? zone) => new(new StoredEvent(++_seq, new PanelEvent(kind, s_now, zone)));

    private List<CaptureOrder> Orders(CaptureInput input, CaptureSettings? settings = null, bool restricted = false) =>
        [.. Decide(input, settings, restricted).OfType<CaptureOrder>()];

    private IReadOnlyList<CaptureDecision> Decide(CaptureInput input, CaptureSettings? settings = null, bool restricted = false)
    {
        var step = CapturePolicy.Decide(_state, input, s_now, settings ?? PolicyFixture.Settings(), restricted);
        _state = step.Next;
        return step.Decisions;
    }
}
