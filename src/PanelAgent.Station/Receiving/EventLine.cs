using System.Globalization;
using System.Text;
using System.Text.Json;
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
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("panel", panelId);
            json.WriteNumber("seq", payload.Seq);
            json.WriteString("type", payload.Kind);
            json.WriteString("zone", payload.Zone);
            WriteUser(json, payload.User);
            json.WriteString("detail", payload.Detail);
            json.WriteString("at", Iso(payload.At));
            json.WriteString("sia", payload.Sia);
            json.WriteString("cid", payload.Cid);
            json.WriteString("station", stationId);
            json.WriteString("received", Iso(received));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteUser(Utf8JsonWriter json, int? user)
    {
        if (user is { } number)
        {
            json.WriteNumber("user", number);
        }
        else
        {
            json.WriteNull("user");
        }
    }

    private static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
