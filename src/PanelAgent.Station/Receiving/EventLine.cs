using System.Globalization;
using System.Text;
using System.Text.Json;
using PanelAgent.Protocol.Codes;
using PanelAgent.Protocol.Payloads;

namespace PanelAgent.Station.Receiving;

/// <summary>
/// The one JSON line printed per new event (issue 3 §6), e.g.
/// <c>{"panel":"p1","seq":7,"type":"alarm.intrusion","zone":"hall","user":null,"detail":null,"at":"…","sia":"BA","cid":"1130","station":"st-1","received":"…"}</c>.
/// </summary>
public static class EventLine
{
    public static string Format(string panelId, EventPayload payload, string stationId, DateTimeOffset received)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Write(new Fields(panelId, payload.Seq, payload.Kind, payload.Zone, payload.User, payload.Detail, payload.At,
            payload.Sia, payload.Cid, stationId, received));
    }

    /// <summary>
    /// A line the station raises itself (panel.lost, panel.restored): no sequence of the panel's, the station's time
    /// as <c>at</c>, the reason as <c>detail</c>, and the codes of <see cref="EventCodeTable"/>.
    /// </summary>
    public static string FormatStationEvent(string panelId, string kind, string detail, string stationId, DateTimeOffset at)
    {
        var code = EventCodeTable.For(kind);
        return Write(new Fields(panelId, null, kind, null, null, detail, at, code.Sia, code.Cid, stationId, at));
    }

    private static string Write(Fields f)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("panel", f.Panel);
            WriteNumber(json, "seq", f.Seq);
            json.WriteString("type", f.Kind);
            json.WriteString("zone", f.Zone);
            WriteNumber(json, "user", f.User);
            json.WriteString("detail", f.Detail);
            json.WriteString("at", Iso(f.At));
            json.WriteString("sia", f.Sia);
            json.WriteString("cid", f.Cid);
            json.WriteString("station", f.Station);
            json.WriteString("received", Iso(f.Received));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private sealed record Fields(string Panel, long? Seq, string Kind, string? Zone, int? User, string? Detail,
        DateTimeOffset At, string? Sia, string? Cid, string Station, DateTimeOffset Received);
}
