namespace PanelAgent.Protocol.Sealing;

/// <summary>
/// The one piece of durable state nonce safety needs: a boot epoch counter. The storage layer implements it on the
/// panel's SQLite file (and the station on its own). See docs/protocol.md, "Nonces".
/// </summary>
public interface INonceEpochStore
{
    /// <summary>
    /// Returns an epoch greater than every epoch this store returned before, and makes it durable (committed and
    /// fsynced, e.g. SQLite <c>synchronous=FULL</c>) before returning: an epoch is never used before it is on disk,
    /// so a crash can never hand out the same epoch twice. Called once per sealing session, at start.
    /// </summary>
    /// <remarks>
    /// A restored backup may roll the counter back; that is survived by the random salt of the session, not by
    /// this store. Implementations should still never return 0.
    /// </remarks>
    uint TakeNextEpoch();
}
