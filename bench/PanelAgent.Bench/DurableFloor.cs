using System.Diagnostics;
using PanelAgent.Core.Events;
using PanelAgent.Storage;

namespace PanelAgent.Bench;

/// <summary>
/// The floor under the link latency: what any design that persists before sending and acknowledges only after the
/// station's commit must pay at least: a bare SQLite commit on the panel's side, a bare QoS 1 publish → receive, and a
/// bare SQLite commit on the station's side, each with the same pragmas as ours (WAL, synchronous=FULL).
/// </summary>
internal sealed class DurableFloor(string scratch, BareMqtt bare) : IDisposable
{
    private readonly BareSqliteBaseline _panel = new(Path.Combine(scratch, "floor-panel.db"));
    private readonly BareSqliteBaseline _station = new(Path.Combine(scratch, "floor-station.db"));

    public async Task<double> TimeOneAsync()
    {
        var started = Stopwatch.GetTimestamp();
        _panel.Insert(new PanelEvent(EventKinds.Trouble("mains"), DateTimeOffset.UtcNow, "mains"));
        var committed = Stopwatch.GetTimestamp();
        var roundTrip = await bare.TimeOneAsync();
        var received = Stopwatch.GetTimestamp();
        _station.Insert(new PanelEvent(EventKinds.Trouble("mains"), DateTimeOffset.UtcNow, "mains"));
        // The bare leg's own figure (publish → subscriber's handler), not the time this await took to resume.
        return Stats.Ms(started, committed) + roundTrip + Stats.Ms(received, Stopwatch.GetTimestamp());
    }

    public void Dispose()
    {
        _panel.Dispose();
        _station.Dispose();
    }
}
