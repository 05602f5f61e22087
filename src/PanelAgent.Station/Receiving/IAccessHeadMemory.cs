namespace PanelAgent.Station.Receiving;

/// <summary>
/// Where <see cref="AccessHeadWatch"/> keeps what each panel told it, across station restarts. Never throws: the watch
/// is a second opinion, and a memory that fails leaves it working from what it holds, never stops a receipt.
/// </summary>
public interface IAccessHeadMemory
{
    /// <summary>The (sequence, chain hash) pairs last kept for the panel; empty for a panel never heard.</summary>
    IReadOnlyList<(long Seq, string Hash)> Load(string panelId);

    /// <summary>Replaces what is kept for the panel (at most <see cref="AccessHeadWatch.RememberedHeads"/> pairs).</summary>
    void Save(string panelId, IReadOnlyList<(long Seq, string Hash)> heads);
}
