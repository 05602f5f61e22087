using PanelAgent.Core.Events;
using PanelAgent.Core.State;
using PanelAgent.Core.Zones;
using PanelAgent.Hil.Scenarios;

namespace PanelAgent.Hil.Targets;

/// <summary>
/// A panel a scenario runs against: the simulated engine in CI and the demo, a real rig later (HIL issue).
/// The runner talks to nothing else, so a scenario means the same on both.
/// </summary>
public interface IScenarioTarget : IAsyncDisposable
{
    /// <summary>The target's clock: virtual time in simulation, the rig's clock on hardware.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Every event since the run started, across restarts, in order. The runner keeps indexes into it.</summary>
    IReadOnlyList<PanelEvent> Events { get; }

    Task ArmAsync(ArmMode mode, string code, IReadOnlyList<string> bypass, CancellationToken ct);

    Task DisarmAsync(string code, CancellationToken ct);

    /// <summary>Drives a zone: open→<see cref="ZoneCondition.Active"/>, closed→Normal, tamper→Tamper, fault→Fault.</summary>
    Task SetZoneAsync(string zoneId, ZoneCondition condition, CancellationToken ct);

    /// <summary>Moves virtual time forward, fires the timers that fall due, and returns when the panel is idle again.</summary>
    Task AdvanceAsync(TimeSpan by, CancellationToken ct);

    /// <summary>Restarts the panel: a clean stop, or a hard one (power cut: nothing flushed, nothing said goodbye).</summary>
    Task RestartAsync(bool hard, CancellationToken ct);

    /// <summary>
    /// A station command (issue 4): <c>picture</c> from <paramref name="camera"/>, or a police <c>hold</c> of the newest
    /// alarm's images for <paramref name="hold"/>. Targets without cameras refuse it.
    /// </summary>
    Task StationAsync(string command, string? camera, TimeSpan? hold, CancellationToken ct) =>
        throw new NotSupportedException("this target takes no station commands");

    /// <summary>Simulation only: makes a camera deliver normal, covered, corrupt, oversized frames, or fail.</summary>
    Task SetCameraAsync(string camera, string mode, CancellationToken ct) =>
        throw new NotSupportedException("this target cannot change a camera");

    /// <summary>
    /// Why this target cannot run <paramref name="step"/> faithfully (a rig: no keypad for a wrong code, no month-long
    /// wait, no camera modes), or null when it can. The runner reports such a step as skipped with the reason.
    /// </summary>
    string? CannotRun(ScenarioStep step) => null;

    /// <summary>
    /// Extra real time an expect or expectNone waits for events still on their way (a rig reads them from the
    /// station over MQTT). Zero where events are seen as they happen.
    /// </summary>
    TimeSpan DeliveryGrace => TimeSpan.Zero;

    /// <summary>
    /// The match this target can honestly check for <paramref name="match"/>, and why it differs (null when it does
    /// not): a rig arms through the station, so the panel names user 0 where the scenario typed user 1's code.
    /// </summary>
    (EventMatch Match, string? Why) Adapt(EventMatch match) => (match, null);

    /// <summary>Reads a named figure (<c>armlog.count</c>, <c>state</c>...); null when the target knows no such figure.</summary>
    Task<string?> ReadFigureAsync(string figure, CancellationToken ct);
}
