using System.Text;
using PanelAgent.Core.Events;

namespace PanelAgent.Hil.Scenarios;

/// <summary>What an <c>expect</c> or <c>expectNone</c> looks for: the event kind, and any of zone, user and detail.</summary>
public sealed record EventMatch(string Event, string? Zone = null, int? User = null, string? Detail = null)
{
    public bool Matches(PanelEvent e) =>
        string.Equals(e.Kind, Event, StringComparison.Ordinal)
        && (Zone is null || string.Equals(e.Zone, Zone, StringComparison.Ordinal))
        && (User is null || e.User == User)
        && (Detail is null || string.Equals(e.Detail, Detail, StringComparison.Ordinal));

    public override string ToString()
    {
        var text = new StringBuilder(Event);
        if (Zone is not null)
        {
            text.Append(" zone=").Append(Zone);
        }

        if (User is not null)
        {
            text.Append(" user=").Append(User.Value);
        }

        if (Detail is not null)
        {
            text.Append(" detail=").Append(Detail);
        }

        return text.ToString();
    }
}
