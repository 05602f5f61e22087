using PanelAgent.Core.Retention;

namespace PanelAgent.Core.Ports;

/// <summary>Applies the retention rules P7 and P8 to what is stored.</summary>
public interface IRetentionStore
{
    PruneResult Prune(DateTimeOffset now, RetentionPolicy policy);
}
