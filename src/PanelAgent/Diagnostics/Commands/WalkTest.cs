using System.Text.Json.Nodes;
using System.Threading.Channels;
using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Runtime;

namespace PanelAgent.Diagnostics.Commands;

/// <summary>
/// The walk test: for a set time the technician walks the house and each zone change is reported live. It runs only
/// while the panel is disarmed, where the engine already raises nothing for intrusion zones, so "no alarm is raised"
/// needs no change to the engine and cannot weaken it: 24 h zones (fire, panic, silent, tamper, technical) still
/// alarm or raise trouble as always. It ends by itself when the time is up, when the panel is armed or alarms, or
/// when the technician disconnects. One walk test at a time.
/// </summary>
internal sealed class WalkTest
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(2);

    private int _running;

    public async Task<JsonObject> RunAsync(DiagnosticsContext context, CommandRequest request)
    {
        var runtime = context.Runtime;
        var duration = Duration(context, request);
        if (runtime.Panel.State is not { Phase: PanelPhase.Disarmed, Armed: false })
        {
            throw new DiagnosticsException(DiagnosticsErrorKinds.Refused, "a walk test runs only while the panel is disarmed");
        }

        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new DiagnosticsException(DiagnosticsErrorKinds.Refused, "a walk test is already running");
        }

        try
        {
            return await WalkAsync(context, runtime, duration, request).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private static async Task<JsonObject> WalkAsync(DiagnosticsContext context, PanelRuntime runtime, TimeSpan duration,
        CommandRequest request)
    {
        // Written on the input and engine threads: TryWrite only, never blocking them. DropOldest: a technician
        // shaking a door for minutes loses old lines, not the panel its pace.
        var feed = Channel.CreateBounded<JsonObject>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        string? stop = null;
        void OnZone(ZoneActivityChange c) => feed.Writer.TryWrite(new JsonObject
        {
            ["zone"] = c.ZoneId, ["level"] = c.Condition.ToString().ToLowerInvariant(), ["at"] = Json.Instant(c.At),
        });
        void OnEvent(PanelEvent e)
        {
            if (e.Kind is EventKinds.ExitStarted or EventKinds.ArmedAway or EventKinds.ArmedHome || e.Kind.StartsWith("alarm.", StringComparison.Ordinal))
            {
                stop ??= e.Kind.StartsWith("alarm.", StringComparison.Ordinal) ? $"alarm ({e.Kind})" : "the panel was armed";
                feed.Writer.TryComplete();
            }
        }

        using var timeout = new CancellationTokenSource(duration, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, request.Cancellation);
        var startedAt = context.Time.GetUtcNow();
        var trips = new SortedDictionary<string, int>(StringComparer.Ordinal);
        runtime.ZoneActivity.Changed += OnZone;
        runtime.Panel.EventRaised += OnEvent;
        try
        {
            await request.Progress(new JsonObject
            {
                ["walkTest"] = "started", ["durationSeconds"] = Json.Seconds(duration), ["endsAt"] = Json.Instant(startedAt + duration),
            }).ConfigureAwait(false);
            await foreach (var change in feed.Reader.ReadAllAsync(linked.Token).ConfigureAwait(false))
            {
                if (change["level"]!.GetValue<string>() != "normal")
                {
                    var zone = change["zone"]!.GetValue<string>();
                    trips[zone] = trips.GetValueOrDefault(zone) + 1;
                }

                await request.Progress(change).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            stop ??= timeout.IsCancellationRequested ? "time is up" : "the technician disconnected";
        }
        finally
        {
            runtime.ZoneActivity.Changed -= OnZone;
            runtime.Panel.EventRaised -= OnEvent;
        }

        return Summary(context, trips, stop ?? "time is up");
    }

    private static JsonObject Summary(DiagnosticsContext context, SortedDictionary<string, int> trips, string ended) => new()
    {
        ["ended"] = ended,
        ["tripped"] = Json.Array(trips.Select(t => (JsonNode)new JsonObject { ["zone"] = t.Key, ["trips"] = t.Value })),
        ["notTripped"] = Json.Array(context.Config.Panel.Zones.Select(z => z.Id)
            .Where(z => !trips.ContainsKey(z)).Select(z => JsonValue.Create(z))),
    };

    private static TimeSpan Duration(DiagnosticsContext context, CommandRequest request)
    {
        var seconds = request.Int("seconds") ?? (int)DefaultDuration.TotalSeconds;
        var max = context.Config.Diagnostics.MaxWalkTest;
        return seconds >= 1 && seconds <= max.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw CommandRequest.Bad("seconds", $"between 1 and {(int)max.TotalSeconds}");
    }
}
