namespace PanelAgent.Broker.Acl;

/// <summary>
/// One <c>topic</c> or <c>pattern</c> line. <see cref="User"/> is null for a pattern (every user, with <c>%u</c> and
/// <c>%c</c> substituted); otherwise the rule belongs to that user only.
/// </summary>
public sealed record AclRule(string? User, AclAccess Access, string Topic, int Line)
{
    /// <summary>The rule's topic filter for this client, or null when a pattern cannot be applied safely.</summary>
    public string? FilterFor(string user, string clientId)
    {
        if (User is not null)
        {
            return string.Equals(User, user, StringComparison.Ordinal) ? Topic : null;
        }

        // Mosquitto refuses to substitute names holding wildcards or separators: "%u" could otherwise widen the rule.
        if (user.IndexOfAny(['/', '+', '#']) >= 0 || clientId.IndexOfAny(['/', '+', '#']) >= 0)
        {
            return null;
        }

        return Topic.Replace("%u", user, StringComparison.Ordinal).Replace("%c", clientId, StringComparison.Ordinal);
    }
}
