using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Transport.Tests.Support;

/// <summary>The fake station's epoch counter; the panel uses the real one on its SQLite file.</summary>
public sealed class InMemoryNonceEpochStore : INonceEpochStore
{
    private uint _epoch;

    public uint TakeNextEpoch() => Interlocked.Increment(ref _epoch);
}
