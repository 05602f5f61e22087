using System.Globalization;

namespace PanelAgent.Diagnostics;

/// <summary>
/// Who may use the technician socket: root, and members of the technician group (<c>panel-tech</c> by default) —
/// the peer's primary group, its supplementary groups as the kernel reports them, or the group's member list in
/// <c>/etc/group</c> for the peer uid's user name (a member added since the peer logged in).
/// </summary>
public sealed class TechnicianAccess(string group, string etcGroup = "/etc/group", string etcPasswd = "/etc/passwd")
{
    public string Group => group;

    /// <summary>Null when allowed, else the refusal to show the peer.</summary>
    public string? Refusal(PeerCredentials peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (peer.Uid == 0 || IsMember(peer))
        {
            return null;
        }

        return $"access refused: uid {peer.Uid} is neither root nor a member of group '{group}' " +
            $"(a panel technician is added with 'usermod -aG {group} USER' and logs in again)";
    }

    private bool IsMember(PeerCredentials peer)
    {
        if (FindGroup() is not { } entry)
        {
            return false;
        }

        if (peer.Gid == entry.Gid || peer.Groups.Contains(entry.Gid))
        {
            return true;
        }

        return UserName(peer.Uid) is { } name && entry.Members.Contains(name, StringComparer.Ordinal);
    }

    private (uint Gid, string[] Members)? FindGroup()
    {
        foreach (var fields in Lines(etcGroup))
        {
            if (fields.Length >= 4 && fields[0] == group && uint.TryParse(fields[2], CultureInfo.InvariantCulture, out var gid))
            {
                return (gid, fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return null;
    }

    private string? UserName(uint uid)
    {
        var text = uid.ToString(CultureInfo.InvariantCulture);
        return Lines(etcPasswd).FirstOrDefault(f => f.Length >= 3 && f[2] == text)?[0];
    }

    private static IEnumerable<string[]> Lines(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var line in lines)
        {
            yield return line.Split(':');
        }
    }
}
