using PanelAgent.Core.Privacy;

namespace PanelAgent.Storage.AccessLog;

/// <summary>An access-log entry as stored: its sequence, the entry, and the hash that chains it.</summary>
public sealed record StoredAccessEntry(long Sequence, AccessEntry Entry, string Hash);
