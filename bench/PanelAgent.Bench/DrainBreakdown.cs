using System.Diagnostics;
using System.Globalization;
using PanelAgent.Protocol.Payloads;
using PanelAgent.Station.Storage;

namespace PanelAgent.Bench;

/// <summary>
/// Why the drain is as fast as it is: the per-event steps that run one after another, each timed alone on the
/// benchmark's own files. The uplink waits for each PUBACK and the station for each ack's PUBACK (one round trip each,
/// the bare latency), the panel retires each acknowledged row in its own transaction, and the station commits each
/// event in its own transaction; after every ack the uplink reads its window from the outbox again.
/// </summary>
internal static class DrainBreakdown
{
    public static string Measure(LinkPanel panel, string stationDatabase, int count, string troubleKind, double bareRoundTripMs)
    {
        var stored = panel.Queue(count, troubleKind);
        var ack = PerSecond(() =>
        {
            foreach (var row in stored)
            {
                panel.Store.Acknowledge(row.Sequence, DateTimeOffset.UtcNow);
            }
        }, count);
        var window = PerSecond(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                panel.Store.NextToSend(100);
            }
        }, 200);
        double insert;
        using (var station = StationStore.Open(stationDatabase))
        {
            var payloads = stored.Select(s => EventPayload.From(s)).ToList();
            insert = PerSecond(() =>
            {
                foreach (var payload in payloads)
                {
                    station.TryInsert("panel-bench", payload, DateTimeOffset.UtcNow);
                }
            }, count);
        }

        var perEventMs = (2 * bareRoundTripMs) + (1000 / ack) + (1000 / insert) + (1000 / window);
        return string.Create(CultureInfo.InvariantCulture,
            $"drain breakdown (each step alone, one at a time, {count} rows): panel outbox Acknowledge, one transaction " +
            $"per row: {ack:0}/s; station insert, one transaction per event: {insert:0}/s; uplink window read " +
            $"NextToSend(100): {window:0}/s (once per ack); publish and ack-publish round trips: 2 x {bareRoundTripMs:0.00} ms " +
            $"(bare p50). Serialized, that is {perEventMs:0.00} ms per event, at most {1000 / perEventMs:0} events/s.");
    }

    private static double PerSecond(Action work, int count)
    {
        var start = Stopwatch.GetTimestamp();
        work();
        return count / (Stats.Ms(start, Stopwatch.GetTimestamp()) / 1000);
    }
}
