using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Station.Tests.Support;

/// <summary>A panel's epoch store without a file: these tests restart no panel.</summary>
internal sealed class MemoryEpochs : INonceEpochStore
{
    private uint _epoch;

    public uint TakeNextEpoch() => Interlocked.Increment(ref _epoch);
}
