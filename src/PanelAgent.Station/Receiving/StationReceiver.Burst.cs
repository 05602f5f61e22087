using Microsoft.Data.Sqlite;
using PanelAgent.Protocol.Codes;

namespace PanelAgent.Station.Receiving;

public sealed partial class StationReceiver
{
    /// <summary>
    /// The events of a burst: one transaction (the receipt), then the lines of those not printed yet, then a mark that
    /// they are, then one ack per panel. "Not printed yet" covers a station killed between its commit and its line (found
    /// by the fault campaign): the panel got no ack and resends, and the resend, a duplicate, prints the line then. A
    /// repeat is left only for a kill between the line and its mark, a short window with no fsync of its own in it.
    /// </summary>
    private void Commit(List<OpenedEvent> events, ReceivedBatch batch)
    {
        if (events.Count == 0)
        {
            return;
        }

        var received = _time.GetUtcNow();
        List<(string, long)> keys = [.. events.Select(e => (e.PanelId, e.Payload.Seq))];
        bool[] toPrint;
        try
        {
            // The committed insert is the receipt: a crash before it means no ack, and the panel resends.
            var isNew = _store.TryInsertMany([.. events.Select(e => (e.PanelId, e.Payload))], received);
            batch.AddReasons(isNew.Select(n => n ? StationCounters.NewEvent : StationCounters.Duplicate));
            toPrint = OncePerBurst(keys, Unprinted(keys, isNew));
        }
        catch (SqliteException)
        {
            batch.AddReasons(Enumerable.Repeat(StationCounters.StoreFailed, events.Count));
            events.Clear();
            return;
        }

        AddLines(events, toPrint, received, batch);
        batch.Print();
        MarkPrinted([.. keys.Where((_, i) => toPrint[i])]);
        foreach (var panel in events.GroupBy(e => e.PanelId, StringComparer.Ordinal))
        {
            batch.AddAck(AckTopicOf(panel.Key), SealAck(panel.Key, [.. panel.Select(e => e.Payload.Seq)]));
        }

        events.Clear();
    }

    /// <summary>
    /// A row inserted just now is unprinted by definition; only a duplicate's row is looked up (was its line printed
    /// before a kill?), so a live event costs no read on top of its insert.
    /// </summary>
    private bool[] Unprinted(List<(string, long)> keys, bool[] isNew)
    {
        var duplicates = keys.Where((_, i) => !isNew[i]).ToList();
        var stillUnprinted = duplicates.Count == 0 ? [] : _store.Unprinted(duplicates);
        var next = 0;
        return [.. isNew.Select(n => n || stillUnprinted[next++])];
    }

    /// <summary>A resend in the same burst as its original is printed once.</summary>
    private static bool[] OncePerBurst(List<(string, long)> keys, bool[] unprinted)
    {
        var seen = new HashSet<(string, long)>();
        return [.. keys.Select((key, i) => unprinted[i] && seen.Add(key))];
    }

    private void MarkPrinted(List<(string, long)> keys)
    {
        try
        {
            _store.MarkPrinted(keys);
        }
        catch (SqliteException)
        {
            // The lines are out and the events stored: acknowledge anyway. Only a resend would print them again.
        }
    }

    private void AddLines(List<OpenedEvent> events, bool[] toPrint, DateTimeOffset received, ReceivedBatch batch)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var (panelId, payload, session) = events[i];
            // Any authentic, fresh word from the panel is a sign of life; a lost panel that sends an event is back.
            if (Supervision?.Heard(panelId, received, session) == true)
            {
                batch.AddLine(StationLine(panelId, LinkEventKinds.PanelRestored, "event", received));
            }

            if (toPrint[i])
            {
                batch.AddLine(EventLine.Format(panelId, payload, _stationId, received));
            }
        }
    }
}
