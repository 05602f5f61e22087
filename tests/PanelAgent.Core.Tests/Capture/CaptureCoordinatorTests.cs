using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using PanelAgent.Core.Capture;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Events;
using PanelAgent.Core.Ports;

namespace PanelAgent.Core.Tests.Capture;

public class CaptureCoordinatorTests
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(s_now);
    private readonly List<StoredEvent> _log = [];
    private readonly IPanelLogs _events = Substitute.For<IPanelLogs>();
    private readonly FakeImageStore _images = new();
    private readonly ICaptureCursor _cursor = Substitute.For<ICaptureCursor>();
    private readonly IAccessLog _access = Substitute.For<IAccessLog>();
    private readonly IPrivacySettings _privacy = Substitute.For<IPrivacySettings>();
    private readonly ICamera _hall = Substitute.For<ICamera>();
    private readonly IFrameEncoder _encoder = Substitute.For<IFrameEncoder>();
    private readonly List<TroubleChanged> _troubles = [];
    private readonly CaptureCoordinator _coordinator;
    private long _cursorValue;

    public CaptureCoordinatorTests()
    {
        _events.ReadEvents(Arg.Any<long>(), Arg.Any<int>())
            .Returns(c => _log.Where(e => e.Sequence > c.ArgAt<long>(0)).Take(c.ArgAt<int>(1)).ToList());
        _cursor.ReadCursor().Returns(_ => _cursorValue);
        _cursor.When(c => c.SaveCursor(Arg.Any<long>())).Do(c => _cursorValue = c.Arg<long>());
        _hall.Capture(Arg.Any<FrameSize>()).Returns(_ => Frame(120));
        _encoder.Encode(Arg.Any<CameraFrame>()).Returns([0xFF, 0xD8, 0xFF, 0xD9]);
        _coordinator = new CaptureCoordinator(PolicyFixture.Settings() with { Cameras = [PolicyFixture.Cameras[0]] }, new BurstSettings { Frames = 3, Size = FrameSize.Qvga },
            new CaptureDevices(new Dictionary<string, ICamera> { ["hall-cam"] = _hall }, _encoder),
            new CaptureStores(_events, _images, _cursor, _access, _privacy), _time, NullLogger.Instance);
        _coordinator.Trouble += _troubles.Add;
    }

    [Fact]
    public void ProcessPending_IntrusionPersisted_StoresBurstTiedToAlarmAndZone()
    {
        Persist(EventKinds.AlarmIntrusion, "hall-pir");
        _coordinator.ProcessPending();
        Assert.Equal(3, _images.Saved.Count(r => r.AlarmSeq == 1 && r.Zone == "hall-pir" && r.Camera == "hall-cam"
            && r.Reason == CaptureReason.Intrusion && !r.Withheld));
        Assert.Equal(1, _cursorValue);
    }

    [Fact]
    public async Task RunAsync_PacedBurst_EachImageReadyAsSoonAsStored_NotAfterTheWholeBurst()
    {
        var ready = new List<int>();
        _coordinator.ImagesReady += _ => { lock (ready) { ready.Add(_images.Saved.Count); } };
        using var stop = new CancellationTokenSource();
        var loop = _coordinator.RunAsync(stop.Token);
        Persist(EventKinds.AlarmIntrusion, "hall-pir");

        _coordinator.Notify();
        var afterFirst = await SettledAsync(ready, 1);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await SettledAsync(ready, 2);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var afterAll = await SettledAsync(ready, 3);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);

        // The burst is paced 500 ms a frame: the first image is announced before the clock moves at all.
        Assert.Equal([1], afterFirst);
        Assert.Equal([1, 2, 3], afterAll);
    }

    /// <summary>Waits (real time, the fake clock stands still) for <paramref name="expected"/> announcements, then a little more.</summary>
    private static async Task<List<int>> SettledAsync(List<int> ready, int expected)
    {
        for (var i = 0; i < 1000 && Count() < expected; i++)
        {
            await Task.Delay(10);
        }

        await Task.Delay(50); // nothing more may come while the clock stands still
        lock (ready)
        {
            return [.. ready];
        }

        int Count()
        {
            lock (ready)
            {
                return ready.Count;
            }
        }
    }

    [Fact]
    public void ProcessPending_EventDecidedOnce_EvenWhenProcessedAgain()
    {
        Persist(EventKinds.AlarmIntrusion, "hall-pir");
        _coordinator.ProcessPending();
        _coordinator.ProcessPending();
        _hall.Received(3).Capture(Arg.Any<FrameSize>());
    }

    [Fact]
    public void ProcessPending_Restricted_NeverTouchesTheCamera()
    {
        _privacy.CaptureRestricted.Returns(true);
        Persist(EventKinds.AlarmIntrusion, "hall-pir");
        _coordinator.Request("station", "hall-cam");
        _coordinator.ProcessPending();
        _hall.DidNotReceive().Capture(Arg.Any<FrameSize>());
    }

    [Fact]
    public void Request_NoAlarm_RefusedAndLogged_CameraUntouched()
    {
        _coordinator.Request("station", "hall-cam");
        _coordinator.ProcessPending();
        _hall.DidNotReceive().Capture(Arg.Any<FrameSize>());
        _access.Received(1).Append(Arg.Is<Privacy.AccessEntry>(e => e.Actor == "station" && e.Detail!.Contains("no-alarm")));
    }

    [Theory]
    [InlineData("corrupt")]
    [InlineData("throws")]
    [InlineData("oversized")]
    public void ProcessPending_BadFrame_TroubleCameraOnce_NoCrash_RestoredByAGoodBurst(string fault)
    {
        _hall.Capture(Arg.Any<FrameSize>()).Returns(_ => fault switch
        {
            "throws" => throw new InvalidOperationException("driver"),
            "oversized" => new CameraFrame(50_000, 50_000, FramePixelFormat.Rgb24, new byte[3]),
            _ => new CameraFrame(320, 240, FramePixelFormat.Rgb24, new byte[100]),
        });
        Persist(EventKinds.AlarmIntrusion, "hall-pir");
        _coordinator.ProcessPending();
        Assert.Equal([new TroubleChanged(CameraTroubles.Kind, "hall-pir", true)], _troubles);
        Assert.Empty(_images.Saved);

        _hall.Capture(Arg.Any<FrameSize>()).Returns(_ => Frame(120));
        Persist(EventKinds.Disarmed, null);
        Persist(EventKinds.AlarmIntrusion, "hall-pir");
        _coordinator.ProcessPending();
        Assert.Equal(new TroubleChanged(CameraTroubles.Kind, "hall-pir", false), _troubles[^1]);
    }

    [Fact]
    public void ProcessPending_SabotageFramesCovered_Released()
    {
        _hall.Capture(Arg.Any<FrameSize>()).Returns(_ => Frame(2));
        Persist(EventKinds.EntryStarted, "front-door");
        _coordinator.ProcessPending();
        Assert.Equal(3, _images.Saved.Count(r => r.Withheld && r.Reason == CaptureReason.Sabotage));
        Assert.Equal([1L], _images.Released);
        Assert.Empty(_images.Discarded);
    }

    [Fact]
    public void ProcessPending_SabotageThenNormalDisarm_Discarded()
    {
        Persist(EventKinds.EntryStarted, "front-door");
        _coordinator.ProcessPending();
        Persist(EventKinds.Disarmed, null);
        _coordinator.ProcessPending();
        Assert.Equal([1L], _images.Discarded);
        Assert.Empty(_images.Released);
    }

    [Fact]
    public void ProcessPending_StorageFails_BurstEndsQuietly()
    {
        _images.Failing = true;
        Persist(EventKinds.AlarmIntrusion, "hall-pir");
        _coordinator.ProcessPending();
        _hall.Received(1).Capture(Arg.Any<FrameSize>());
        Assert.Empty(_troubles);
    }

    private void Persist(string kind, string? zone) =>
        _log.Add(new StoredEvent(_log.Count + 1, new PanelEvent(kind, _time.GetUtcNow(), zone)));

    private static CameraFrame Frame(byte level)
    {
        var data = new byte[320 * 240 * 3];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = level > 16 ? (byte)(i * 7 % 251) : level;
        }

        return new CameraFrame(320, 240, FramePixelFormat.Rgb24, data);
    }
}
