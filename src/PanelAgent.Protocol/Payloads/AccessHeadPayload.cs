namespace PanelAgent.Protocol.Payloads;

/// <summary>
/// The panel's access-log head inside a sealed status (issue 5 §3): entries held, the newest sequence and its chain
/// hash, and a witness — the hash the panel holds now at the sequence it reported in its previous status. A station
/// that remembers what it was told sees the tail of the chain cut (the sequence goes back, or the witness no longer
/// matches) although the shortened chain still verifies on the panel. Counts and hashes only: nothing personal.
/// </summary>
/// <param name="Entries">Entries held on the panel (retention prunes the oldest after 12 months).</param>
/// <param name="Seq">The newest entry's sequence.</param>
/// <param name="Hash">The newest entry's chain hash (hex SHA-256).</param>
/// <param name="WitnessSeq">The sequence reported in the previous status of this agent run, or null.</param>
/// <param name="WitnessHash">The hash held now at <paramref name="WitnessSeq"/>, or null when that entry is gone.</param>
public sealed record AccessHeadPayload(long Entries, long Seq, string Hash, long? WitnessSeq = null, string? WitnessHash = null);
