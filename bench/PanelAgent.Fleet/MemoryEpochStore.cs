using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Fleet;

/// <summary>
/// The nonce epoch of a simulated panel. A simulated panel lives exactly as long as the fleet process and seals in one
/// session, so a counter in memory keeps every (key, IV) unique; a real panel keeps it in SQLite (docs/protocol.md).
/// </summary>
internal sealed class MemoryEpochStore : INonceEpochStore
{
    private uint _epoch;

    public uint TakeNextEpoch() => Interlocked.Increment(ref _epoch);
}
