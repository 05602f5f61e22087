using PanelAgent.Core.Events;
using PanelAgent.Core.State;

namespace PanelAgent.Core.Ports;

/// <summary>
/// The durable event log and engine state. "Persist, then act": the engine commits events and the state they lead
/// to in one transaction, and only then drives the siren or a camera.
/// </summary>
public interface IEventStore
{
    /// <summary>The persisted engine state, or null when the store is new.</summary>
    PanelState? LoadState();

    /// <summary>
    /// Appends <paramref name="events"/> (and files each under the arm/disarm log or alarm history by its category)
    /// and saves <paramref name="state"/>, all in one transaction. Throws <see cref="StorageUnavailableException"/>
    /// when the write did not become durable.
    /// </summary>
    IReadOnlyList<StoredEvent> Commit(IReadOnlyList<PanelEvent> events, PanelState state);
}
