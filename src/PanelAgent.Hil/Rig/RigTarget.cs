using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Hil.Scenarios;
using PanelAgent.Hil.Targets;
using PanelAgent.Options;

namespace PanelAgent.Hil.Rig;

/// <summary>
/// A real panel on the rig: zones are driven on the rig's GPIO outputs, the siren and relays read on its inputs, the
/// panel's events read from the station side (<see cref="RigStation"/>), arming and disarming done with the station's
/// signed commands, and <c>advance</c> is a real wait on the rig's clock. The panel is not restarted between
/// scenarios: a target starts by putting every line back to normal and disarming the panel if it is armed.
/// </summary>
public sealed class RigTarget : IScenarioTarget
{
    private readonly RigMap _map;
    private readonly PanelConfig _panel;
    private readonly RigLines _lines;
    private readonly RigStation _station;
    private readonly TimeProvider _time;
    private int _from;

    internal RigTarget(RigMap map, RigLines lines, RigStation station, TimeProvider time)
    {
        _map = map;
        _panel = map.Panel ?? throw new ArgumentException("the rig map was not checked against its panel", nameof(map));
        _lines = lines;
        _station = station;
        _time = time;
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The panel's events since this scenario started, in the panel's order.</summary>
    public IReadOnlyList<PanelEvent> Events => [.. _station.Events.Skip(_from)];

    public TimeSpan DeliveryGrace => _map.DeliveryGrace;

    /// <summary>Quiet lines, a disarmed panel, then events count from here.</summary>
    internal async Task PrepareAsync(CancellationToken ct)
    {
        _lines.AllNormal();
        await WaitAsync(_panel.Panel.Zones.Max(z => z.Debounce) * 2, ct);
        if (await ReadStateAsync(ct) != "disarmed")
        {
            await CommandAsync("disarm", null, ct);
        }

        _from = _station.Events.Count;
    }

    public string? CannotRun(ScenarioStep step) => RigCapabilities.CannotRun(step, _map, _panel, Now);

    public (EventMatch Match, string? Why) Adapt(EventMatch match) => match.User is > 0 and var user
        ? (match with { User = Core.Users.UserNumbers.Station }, $"the rig arms and disarms through the station for user {user}")
        : (match, null);

    public Task ArmAsync(ArmMode mode, string code, IReadOnlyList<string> bypass, CancellationToken ct) =>
        CommandAsync("arm", ScenarioText.ModeName(mode), ct);

    public Task DisarmAsync(string code, CancellationToken ct) => CommandAsync("disarm", null, ct);

    public Task SetZoneAsync(string zoneId, ZoneCondition condition, CancellationToken ct)
    {
        var zone = _panel.Panel.Zones.FirstOrDefault(z => z.Id == zoneId)
            ?? throw new InvalidOperationException($"the panel has no zone '{zoneId}'");
        var tamperZone = zone.Type == "tamper";
        Set(zoneId, RigSignal.Fault, condition == ZoneCondition.Fault);
        Set(zoneId, RigSignal.Detector, condition == ZoneCondition.Active || (tamperZone && condition == ZoneCondition.Tamper));
        Set(zoneId, RigSignal.Tamper, condition == ZoneCondition.Tamper && !tamperZone);

        // A contact is accepted once its debounce time has passed on the panel's clock, not the rig's: hold it twice
        // as long, so the next step (the same zone closing, say) cannot come before the panel took this one.
        return WaitAsync(zone.Debounce * 2, ct);
    }

    public Task AdvanceAsync(TimeSpan by, CancellationToken ct) => WaitAsync(by, ct);

    public Task RestartAsync(bool hard, CancellationToken ct) =>
        throw new NotSupportedException("the rig cannot restart the panel");

    public async Task<string?> ReadFigureAsync(string figure, CancellationToken ct) => figure switch
    {
        "state" => await ReadStateAsync(ct),
        "siren" or "lock" or "plug" when _map.Watch(figure) is { } watch => _lines.IsOn(watch) ? "on" : "off",
        _ => null,
    };

    public ValueTask DisposeAsync()
    {
        _lines.AllNormal();
        return ValueTask.CompletedTask;
    }

    private void Set(string zone, RigSignal signal, bool active)
    {
        if (_map.Drive(zone, signal) is { } drive)
        {
            _lines.Set(drive, active);
        }
    }

    /// <summary>The panel's phase from its answer to the status command: <c>status:ID:phase=armed-away;troubles=…</c>.</summary>
    private async Task<string> ReadStateAsync(CancellationToken ct)
    {
        var answer = await _station.CommandAsync("status", null, _map.CommandTimeout, ct);
        var phase = answer.Detail?.Split(':', 3) is [_, _, var detail]
            ? detail.Split(';').FirstOrDefault(p => p.StartsWith("phase=", StringComparison.Ordinal))?["phase=".Length..]
            : null;
        return phase ?? throw new InvalidOperationException($"the panel's status answer has no phase ({answer.Kind})");
    }

    private async Task CommandAsync(string name, string? mode, CancellationToken ct) =>
        await _station.CommandAsync(name, mode, _map.CommandTimeout, ct);

    private Task WaitAsync(TimeSpan by, CancellationToken ct) =>
        by <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(by, _time, ct);
}
