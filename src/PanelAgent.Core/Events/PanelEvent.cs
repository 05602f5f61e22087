namespace PanelAgent.Core.Events;

/// <summary>
/// Something the panel decided happened. Carries ids and numbers only: a zone id, a user number, never a name or a code.
/// </summary>
/// <param name="Kind">One of <see cref="EventKinds"/>.</param>
/// <param name="At">UTC instant from the panel's <see cref="TimeProvider"/>.</param>
/// <param name="Zone">The zone id, when the event concerns a zone.</param>
/// <param name="User">The user number, when a user caused it.</param>
/// <param name="Detail">A short machine-readable detail (e.g. "away", the refused zones); never personal data.</param>
public sealed record PanelEvent(string Kind, DateTimeOffset At, string? Zone = null, int? User = null, string? Detail = null)
{
    public EventCategory Category => EventCatalog.CategoryOf(Kind);

    public EventPriority Priority => EventCatalog.PriorityOf(Kind);
}
