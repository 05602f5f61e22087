using System.Diagnostics.CodeAnalysis;

namespace PanelAgent.Protocol.Keys;

/// <summary>
/// Key sets by (panel id, key id). Sealing uses the current key of a panel, which is the highest key id it holds;
/// opening uses whichever key id the envelope names, so messages sealed before a rotation still open until the old
/// key is retired. An unknown key id is rejected, never guessed. Thread-safe.
/// </summary>
public sealed class KeyRing
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string PanelId, uint KeyId), KeySet> _keys = [];
    private readonly Dictionary<string, uint> _current = new(StringComparer.Ordinal);

    /// <summary>Every panel that has at least one key: the panels a station supervises.</summary>
    public IReadOnlyList<string> Panels
    {
        get { lock (_lock) { return [.. _current.Keys]; } }
    }

    /// <summary>Adds (or replaces) a key set; it becomes the panel's current key when its id is the highest.</summary>
    public void Add(KeySet keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            _keys[(keys.PanelId, keys.KeyId)] = keys;
            if (!_current.TryGetValue(keys.PanelId, out var current) || keys.KeyId > current)
            {
                _current[keys.PanelId] = keys.KeyId;
            }
        }
    }

    /// <summary>Removes a key set: messages under it no longer open. The highest remaining id becomes current.</summary>
    public bool Retire(string panelId, uint keyId)
    {
        lock (_lock)
        {
            if (!_keys.Remove((panelId, keyId)))
            {
                return false;
            }

            var remaining = _keys.Keys.Where(k => k.PanelId == panelId).Select(k => k.KeyId).ToList();
            if (remaining.Count == 0)
            {
                _current.Remove(panelId);
            }
            else
            {
                _current[panelId] = remaining.Max();
            }

            return true;
        }
    }

    public bool TryGet(string panelId, uint keyId, [NotNullWhen(true)] out KeySet? keys)
    {
        lock (_lock)
        {
            return _keys.TryGetValue((panelId, keyId), out keys);
        }
    }

    /// <summary>The key set new messages for or from <paramref name="panelId"/> are sealed with.</summary>
    public KeySet CurrentFor(string panelId)
    {
        lock (_lock)
        {
            return _current.TryGetValue(panelId, out var keyId)
                ? _keys[(panelId, keyId)]
                : throw new InvalidOperationException($"no key for panel {panelId}");
        }
    }
}
