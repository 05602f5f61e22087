using PanelAgent.Core.Users;

namespace PanelAgent.Core.Codes;

/// <summary>
/// The keypad's users: identifies who a code belongs to and changes codes. Every stored hash is checked for every
/// code entered, so the time taken says nothing about which user (or whether any) matched.
/// </summary>
public sealed class Keypad(CodeHasher hasher, int grade)
{
    private readonly object _gate = new();
    private readonly Dictionary<int, UserRecord> _users = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _users.Count;
            }
        }
    }

    public void Load(IEnumerable<UserRecord> users)
    {
        lock (_gate)
        {
            foreach (var user in users)
            {
                _users[user.Number] = user;
            }
        }
    }

    /// <summary>Whether a user with this number is enrolled.</summary>
    public bool Contains(int number)
    {
        lock (_gate)
        {
            return _users.ContainsKey(number);
        }
    }

    /// <summary>The enrolled users, by number (the technician tool lists them redacted).</summary>
    public IReadOnlyList<UserRecord> Users => [.. Snapshot().OrderBy(u => u.Number)];

    /// <summary>Removes a user; their code stops working at once. False when there was none.</summary>
    public bool Remove(int number)
    {
        lock (_gate)
        {
            return _users.Remove(number);
        }
    }

    /// <summary>The user the code belongs to, or null.</summary>
    public UserRecord? Identify(string code)
    {
        UserRecord? match = null;
        foreach (var user in Snapshot())
        {
            if (hasher.Verify(code, user.Code) && match is null)
            {
                match = user;
            }
        }

        return match;
    }

    /// <summary>Enrols a user; returns the reason when the code is refused.</summary>
    public string? TryEnrol(int number, string? label, string code, bool duress, out UserRecord? user)
    {
        user = null;
        var weak = CodeRules.Check(code, grade);
        if (weak is not null)
        {
            return weak;
        }

        if (Identify(code) is { } other && other.Number != number)
        {
            return "the code is in use by another user";
        }

        user = new UserRecord(number, label, hasher.Hash(code), duress);
        Load([user]);
        return null;
    }

    /// <summary>P10: a user changes their own code, proving the old one.</summary>
    public CodeChangeResult ChangeCode(int number, string oldCode, string newCode, out UserRecord? updated)
    {
        updated = null;
        UserRecord? current;
        lock (_gate)
        {
            _users.TryGetValue(number, out current);
        }

        if (current is null)
        {
            return CodeChangeResult.UnknownUser;
        }

        if (!hasher.Verify(oldCode, current.Code))
        {
            return CodeChangeResult.WrongOldCode;
        }

        if (CodeRules.Check(newCode, grade) is not null)
        {
            return CodeChangeResult.WeakCode;
        }

        if (Identify(newCode) is { } other && other.Number != number)
        {
            return CodeChangeResult.CodeInUse;
        }

        updated = current with { Code = hasher.Hash(newCode) };
        Load([updated]);
        return CodeChangeResult.Changed;
    }

    private List<UserRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. _users.Values];
        }
    }
}
