using PanelAgent.Core.Privacy;

namespace PanelAgent.Core.Ports;

/// <summary>Reads the access log's head for the station (the sealed status); implemented by the store.</summary>
public interface IAccessLogHead
{
    /// <summary>
    /// The head, with the hash now held at <paramref name="witnessSequence"/> when one is asked for (null hash when
    /// that entry is gone). Throws <see cref="StorageUnavailableException"/>.
    /// </summary>
    AccessLogHead ReadAccessHead(long? witnessSequence = null);
}
