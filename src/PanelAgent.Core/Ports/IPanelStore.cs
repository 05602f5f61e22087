namespace PanelAgent.Core.Ports;

/// <summary>Everything the running panel asks of its storage, in one place so a stand-in can take its place.</summary>
public interface IPanelStore : IEventStore, IPanelLogs, IRetentionStore, IUserStore, IDisposable;
