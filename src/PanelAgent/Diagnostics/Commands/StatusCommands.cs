using System.Text.Json.Nodes;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Runtime;
using PanelAgent.Storage;

namespace PanelAgent.Diagnostics.Commands;

/// <summary><c>status</c> and <c>zones</c>: what a technician looks at first.</summary>
internal static class StatusCommands
{
    public static JsonObject Status(DiagnosticsContext context)
    {
        var runtime = context.Runtime;
        var state = runtime.Panel.State;
        var conditions = runtime.Pump.Conditions;
        var now = context.Time.GetUtcNow();
        var link = context.Link?.Status;
        return new JsonObject
        {
            ["panel"] = context.Config.Panel.Id,
            ["state"] = StateNames.Of(state.Phase),
            ["armed"] = state.Armed,
            ["mode"] = state.Armed ? state.Mode.ToString().ToLowerInvariant() : null,
            ["zones"] = new JsonObject
            {
                ["total"] = conditions.Count,
                ["active"] = conditions.Count(c => c.Value == ZoneCondition.Active),
                ["tamper"] = conditions.Count(c => c.Value == ZoneCondition.Tamper),
                ["fault"] = conditions.Count(c => c.Value == ZoneCondition.Fault),
                ["bypassed"] = state.Bypassed.Count,
            },
            ["faults"] = Json.Array(state.OpenTroubles.Order(StringComparer.Ordinal).Select(t => JsonValue.Create(t))),
            ["keypadLocked"] = state.Lockout.IsLocked(now),
            ["link"] = link is null ? "not configured" : link.Connected ? "connected" : "disconnected",
            ["linkEndpoint"] = link?.Endpoint,
            ["clockOffsetSeconds"] = link?.ClockOffset is { } offset ? Json.Seconds(offset) : null,
            ["outbox"] = Outbox(runtime),
            ["storage"] = Storage(runtime),
            ["captureRestricted"] = context.Privacy.CaptureRestricted,
            ["version"] = context.Agent.Version,
            ["schema"] = runtime.Store is SqliteEventStore store ? store.SchemaVersion : null,
            ["startedAt"] = Json.Instant(context.Agent.StartedAt),
            ["uptimeSeconds"] = Json.Seconds(now - context.Agent.StartedAt),
        };
    }

    public static JsonObject Zones(DiagnosticsContext context)
    {
        var runtime = context.Runtime;
        var state = runtime.Panel.State;
        var conditions = runtime.Pump.Conditions;
        var zones = new JsonArray();
        foreach (var zone in context.Config.Panel.Zones)
        {
            var condition = conditions.TryGetValue(zone.Id, out var c) ? c : ZoneCondition.Normal;
            zones.Add(new JsonObject
            {
                ["zone"] = zone.Id,
                ["type"] = zone.Type,
                ["level"] = condition.ToString().ToLowerInvariant(),
                ["tamper"] = condition == ZoneCondition.Tamper,
                ["bypassed"] = state.Bypassed.Contains(zone.Id, StringComparer.Ordinal),
                ["lastChange"] = Json.Instant(runtime.ZoneActivity.LastChange(zone.Id)),
            });
        }

        return new JsonObject { ["zones"] = zones };
    }

    internal static JsonObject Storage(PanelRuntime runtime) => runtime.Store switch
    {
        SqliteEventStore store => new JsonObject
        {
            ["healthy"] = runtime.Panel.UnsavedCount == 0 && !HasTrouble(runtime.Panel.State, "storage"),
            ["unsavedEvents"] = runtime.Panel.UnsavedCount,
            ["accessEntriesDropped"] = store.AccessEntriesDropped,
        },
        UnavailableStore missing => new JsonObject
        {
            ["healthy"] = false, ["unsavedEvents"] = runtime.Panel.UnsavedCount, ["problem"] = missing.Reason,
        },
        _ => new JsonObject { ["healthy"] = false },
    };

    internal static bool HasTrouble(PanelState state, string kind) =>
        state.OpenTroubles.Any(t => t == kind || t.StartsWith(kind + ":", StringComparison.Ordinal));

    private static JsonObject? Outbox(PanelRuntime runtime)
    {
        if (runtime.Store is not SqliteEventStore store)
        {
            return null;
        }

        try
        {
            return new JsonObject { ["pending"] = store.PendingCount, ["dropped"] = store.DroppedCount };
        }
        catch (Core.Ports.StorageUnavailableException)
        {
            return null;
        }
    }
}
