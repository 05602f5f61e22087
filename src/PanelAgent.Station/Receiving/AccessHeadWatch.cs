using System.Globalization;
using PanelAgent.Protocol.Payloads;

namespace PanelAgent.Station.Receiving;

/// <summary>
/// Remembers what each panel said its access-log head was (issue 5 §3) and says when the panel's chain lost its tail:
/// the newest sequence went back, the head entry was rewritten, or the hash now held at a sequence the station was
/// told earlier (the panel's witness) is not the one it was told. The panel's own <c>audit verify</c> cannot see a cut
/// tail: what remains still chains. Thread-safe. What it was told is kept in <paramref name="memory"/> (the station's
/// database) whenever a head moves, so a cut made while the station was down or restarting is still seen.
/// </summary>
public sealed class AccessHeadWatch(IAccessHeadMemory? memory = null)
{
    /// <summary>The station line's kind when the tail was cut.</summary>
    public const string CutKind = "panel.access-log-cut";

    public const int RememberedHeads = 64;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Known> _panels = new(StringComparer.Ordinal);

    /// <summary>Null when consistent with what the panel said before; otherwise a short detail for the station line.</summary>
    public string? Observe(string panelId, AccessHeadPayload head)
    {
        ArgumentNullException.ThrowIfNull(head);
        lock (_gate)
        {
            if (!_panels.TryGetValue(panelId, out var known))
            {
                _panels[panelId] = known = Recall(panelId);
            }

            var problem = Check(known, head);
            if (problem is not null)
            {
                known.Heads.Clear(); // re-baselined: one line per cut, not one per heartbeat after it
            }

            var moved = !known.Heads.TryGetValue(head.Seq, out var held) || held != head.Hash;
            known.Remember(head.Seq, head.Hash);
            if (moved)
            {
                Keep(panelId, known); // most heartbeats repeat the head: those cost no write
            }

            return problem;
        }
    }

    private static string? Check(Known known, AccessHeadPayload head)
    {
        if (known.Newest is { } newest && head.Seq < newest)
        {
            return Invariant($"seq={head.Seq};was={newest}");
        }

        if (known.Heads.TryGetValue(head.Seq, out var sameSeq) && sameSeq != head.Hash)
        {
            return Invariant($"seq={head.Seq};hash-changed");
        }

        if (head.WitnessSeq is { } witness && known.Heads.TryGetValue(witness, out var told) && told != head.WitnessHash)
        {
            return Invariant($"witness={witness};hash-changed");
        }

        return null;
    }

    private Known Recall(string panelId)
    {
        var known = new Known();
        foreach (var (seq, hash) in memory?.Load(panelId) ?? [])
        {
            known.Remember(seq, hash);
        }

        return known;
    }

    private void Keep(string panelId, Known known) => memory?.Save(panelId, [.. known.Heads.Select(h => (h.Key, h.Value))]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Known
    {
        public Dictionary<long, string> Heads { get; } = [];

        public long? Newest => Heads.Count == 0 ? null : Heads.Keys.Max();

        public void Remember(long seq, string hash)
        {
            Heads[seq] = hash;
            if (Heads.Count > RememberedHeads)
            {
                Heads.Remove(Heads.Keys.Min());
            }
        }
    }
}
