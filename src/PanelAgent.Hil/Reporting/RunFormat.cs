using System.Globalization;
using System.Text;
using PanelAgent.Core.Events;

namespace PanelAgent.Hil.Reporting;

/// <summary>How times and events read in output. Events carry ids and numbers only, so they print as they are.</summary>
public static class RunFormat
{
    /// <summary><c>00:00:31</c>; <c>00:00:31.100</c> when not on a whole second; <c>100d 00:00:31</c> past a day.</summary>
    public static string Time(TimeSpan t)
    {
        var sign = t < TimeSpan.Zero ? "-" : "";
        t = t.Duration();
        var text = new StringBuilder(sign);
        if (t.Days > 0)
        {
            text.Append(t.Days.ToString(CultureInfo.InvariantCulture)).Append("d ");
        }

        text.Append(t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        if (t.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            text.Append('.').Append(t.Milliseconds.ToString("000", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>A timeline line: <c>00:00:31  entry.started  zone=front-door</c>.</summary>
    public static string EventLine(PanelEvent e, TimeSpan at)
    {
        var fields = Fields(e, "zone=");
        return $"{Time(at)}  {e.Kind}" + (fields.Length == 0 ? "" : "  " + fields);
    }

    /// <summary>An event inside a message: <c>entry.started front-door @00:00:31</c>.</summary>
    public static string Brief(PanelEvent e, TimeSpan at)
    {
        var fields = Fields(e, "");
        return e.Kind + (fields.Length == 0 ? "" : " " + fields) + " @" + Time(at);
    }

    private static string Fields(PanelEvent e, string zonePrefix)
    {
        var parts = new List<string>(3);
        if (e.Zone is not null)
        {
            parts.Add(zonePrefix + e.Zone);
        }

        if (e.User is not null)
        {
            parts.Add("user=" + e.User.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (e.Detail is not null)
        {
            parts.Add("detail=" + e.Detail);
        }

        return string.Join(' ', parts);
    }
}
