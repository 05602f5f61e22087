using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PanelAgent.Core.Engine;
using PanelAgent.Core.Privacy;

namespace PanelAgent.Core.Capture;

/// <summary>
/// Runs the capture policy over the panel's persisted events, off the engine's thread: the panel persists an event and
/// calls <see cref="Notify"/> (which only signals); the coordinator reads the new events from the durable log after its
/// durable cursor, asks <see cref="CapturePolicy"/>, and carries out the decisions. So capture happens strictly after
/// the alarm is persisted, and never delays the alarm, its siren or its event to the station.
/// </summary>
public sealed class CaptureCoordinator
{
    private const int PageSize = 100;
    private readonly CaptureSettings _settings;
    private readonly CaptureStores _stores;
    private readonly BurstRunner _bursts;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<CaptureInput> _requests = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly HashSet<string> _troubled = new(StringComparer.Ordinal);
    private CaptureState _state = CaptureState.Initial;

    public CaptureCoordinator(CaptureSettings settings, BurstSettings burst, CaptureDevices devices, CaptureStores stores,
        TimeProvider time, ILogger logger)
    {
        _settings = settings;
        _stores = stores;
        _time = time;
        _logger = logger;
        _bursts = new BurstRunner(burst, devices, stores.Images, time, logger);
    }

    /// <summary>A camera trouble raised or restored: the host hands it to the panel (<c>trouble.camera</c>).</summary>
    public event Action<TroubleChanged>? Trouble;

    /// <summary>
    /// Images of this alarm are ready to send: after each frame a burst stores (not held ones), so the first image
    /// leaves while the burst's interval paces the next; and when held frames were released.
    /// </summary>
    public event Action<long>? ImagesReady;

    /// <summary>New events were persisted. Never blocks: the engine calls it from its lock.</summary>
    public void Notify() => _signal.Release();

    /// <summary>A station or technician asks for a picture; decided (and most likely refused) on the next pass.</summary>
    public void Request(string actor, string camera)
    {
        _requests.Enqueue(new PictureRequested(actor, camera));
        _signal.Release();
    }

    /// <summary>Does all pending work now, without pacing the burst frames: for scenarios and tests on virtual time.</summary>
    public void ProcessPending() => PassAsync(pace: false, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The service loop: one pass per signal, frames paced by the burst interval.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await _signal.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await PassAsync(pace: true, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
            {
                CaptureLog.PassFailed(_logger, ex);
            }
        }
    }

    private async Task PassAsync(bool pace, CancellationToken ct)
    {
        await _pass.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (_requests.TryDequeue(out var request))
            {
                await ApplyAsync(request, pace, ct).ConfigureAwait(false);
            }

            await ReadEventsAsync(pace, ct).ConfigureAwait(false);
            await ApplyAsync(new ClockAdvanced(), pace, ct).ConfigureAwait(false);
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task ReadEventsAsync(bool pace, CancellationToken ct)
    {
        var cursor = _stores.Cursor.ReadCursor();
        while (true)
        {
            var page = _stores.Events.ReadEvents(cursor, PageSize);
            foreach (var stored in page)
            {
                await ApplyAsync(new EventPersisted(stored), pace, ct).ConfigureAwait(false);
                cursor = stored.Sequence;
                _stores.Cursor.SaveCursor(cursor);
            }

            if (page.Count < PageSize)
            {
                return;
            }
        }
    }

    private async Task ApplyAsync(CaptureInput input, bool pace, CancellationToken ct)
    {
        var restricted = _stores.Privacy?.CaptureRestricted ?? false;
        var step = CapturePolicy.Decide(_state, input, _time.GetUtcNow(), _settings, restricted);
        _state = step.Next;
        foreach (var decision in step.Decisions)
        {
            await CarryOutAsync(decision, pace, ct).ConfigureAwait(false);
        }
    }

    private async Task CarryOutAsync(CaptureDecision decision, bool pace, CancellationToken ct)
    {
        switch (decision)
        {
            case CaptureOrder order:
                await CaptureAsync(order, pace, ct).ConfigureAwait(false);
                break;
            case ReleaseHeld release:
                var released = _stores.Images.Release(release.AlarmSeq);
                CaptureLog.Verdict(_logger, release.AlarmSeq, "released", release.Why, released);
                ImagesReady?.Invoke(release.AlarmSeq);
                break;
            case DiscardHeld discard:
                var discarded = _stores.Images.Discard(discard.AlarmSeq);
                CaptureLog.Verdict(_logger, discard.AlarmSeq, "discarded", discard.Why, discarded);
                break;
            case RequestRefused refused:
                CaptureLog.Refused(_logger, refused.Actor, refused.Camera, refused.Why);
                _stores.Access.Append(new AccessEntry(_time.GetUtcNow(), refused.Actor, AccessActions.StationCommand,
                    refused.Camera, "picture refused: " + refused.Why));
                break;
        }
    }

    private async Task CaptureAsync(CaptureOrder order, bool pace, CancellationToken ct)
    {
        Action? frameStored = order.Held ? null : () => ImagesReady?.Invoke(order.AlarmSeq);
        var result = await _bursts.RunAsync(order, pace, frameStored, ct).ConfigureAwait(false);
        var zone = _settings.Camera(order.Camera)?.Zone ?? order.Camera;
        SetTrouble(order.Camera, zone, result.Problem is not null || result.Covered);
        if (result.Covered)
        {
            CaptureLog.LensCovered(_logger, order.Camera, order.AlarmSeq);
            if (order.Held)
            {
                await ApplyAsync(new LensCovered(order.AlarmSeq, order.Camera), pace, ct).ConfigureAwait(false);
            }
        }
    }

    private void SetTrouble(string camera, string zone, bool raised)
    {
        if (raised ? _troubled.Add(camera) : _troubled.Remove(camera))
        {
            Trouble?.Invoke(new TroubleChanged(CameraTroubles.Kind, zone, raised));
        }
    }
}
