using PanelAgent.Core.Privacy;

namespace PanelAgent.Core.Ports;

/// <summary>
/// The access log of PRIVACY.md P12/P13 (issue 5 §3): who touched personal data, and how. Append-only; the storage
/// adapter chains each entry to the one before so a removed or altered entry is detectable. Entries carry user
/// numbers, alarm ids and counts, never a name, phone number, code or image byte.
/// </summary>
public interface IAccessLog
{
    /// <summary>Appends one entry. Never throws into the caller's path: an alarm must not wait on the access log.</summary>
    void Append(AccessEntry entry);
}
