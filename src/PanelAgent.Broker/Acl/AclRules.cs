namespace PanelAgent.Broker.Acl;

/// <summary>
/// The Mosquitto ACL file format (mosquitto.conf(5), acl_file), the subset hardware/mosquitto/acl uses plus
/// <c>deny</c>: <c>user NAME</c>, <c>topic [read|write|readwrite|deny] TOPIC</c>, <c>pattern [...] TOPIC</c> with
/// <c>%u</c>/<c>%c</c>, comments. Deny is the default: a topic no line grants is refused. The user is the client
/// certificate's CN (Mosquitto's use_identity_as_username), so both brokers enforce the same file the same way.
/// </summary>
public sealed class AclRules
{
    private const string BuiltInResource = "PanelAgent.Broker.acl";
    private readonly IReadOnlyList<AclRule> _rules;

    private AclRules(IReadOnlyList<AclRule> rules) => _rules = rules;

    public IReadOnlyList<AclRule> Rules => _rules;

    /// <summary>The shipped hardware/mosquitto/acl, embedded at build time.</summary>
    public static AclRules BuiltIn()
    {
        using var stream = typeof(AclRules).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"resource {BuiltInResource} is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses the ACL text; a line it cannot read throws <see cref="FormatException"/> naming the line.</summary>
    public static AclRules Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<AclRule>();
        string? user = null;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var words = line.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
            switch (words[0])
            {
                case "user" when words.Length == 2:
                    user = words[1].Trim();
                    break;
                case "topic" or "pattern" when words.Length == 2:
                    var isPattern = words[0] == "pattern";
                    if (!isPattern && user is null)
                    {
                        // Mosquitto gives such lines to anonymous clients; this broker has none, so say so.
                        throw new FormatException($"line {number}: 'topic' before any 'user' line (anonymous clients are never allowed)");
                    }

                    rules.Add(ParseRule(isPattern ? null : user, words[1], number));
                    break;
                default:
                    throw new FormatException($"line {number}: expected 'user NAME', 'topic [ACCESS] TOPIC' or 'pattern [ACCESS] TOPIC'");
            }
        }

        return new AclRules(rules);
    }

    private static AclRule ParseRule(string? user, string rest, int number)
    {
        var words = rest.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (access, topic) = words switch
        {
            ["read", var t] => (AclAccess.Read, t),
            ["write", var t] => (AclAccess.Write, t),
            ["readwrite", var t] => (AclAccess.ReadWrite, t),
            ["deny", var t] => (AclAccess.Deny, t),
            [var t] => (AclAccess.ReadWrite, t), // Mosquitto: no access word means readwrite
            _ => throw new FormatException($"line {number}: access must be read, write, readwrite or deny"),
        };
        if (!TopicFilters.IsValidFilter(topic))
        {
            throw new FormatException($"line {number}: '{topic}' is not a valid topic filter");
        }

        return new AclRule(user, access, topic, number);
    }

    /// <summary>May <paramref name="user"/> publish on <paramref name="topic"/>?</summary>
    public bool CanPublish(string user, string clientId, string topic) => Allows(user, clientId, topic, AclAccess.Write);

    /// <summary>May <paramref name="user"/> receive a message published on <paramref name="topic"/>?</summary>
    public bool CanRead(string user, string clientId, string topic) => Allows(user, clientId, topic, AclAccess.Read);

    /// <summary>
    /// May <paramref name="user"/> subscribe to <paramref name="filter"/> (without any <c>$share/group/</c>)? Only
    /// when one read rule covers every topic the filter can match, and no deny rule covers it. Deliveries are checked
    /// again per topic with <see cref="CanRead"/>.
    /// </summary>
    public bool CanSubscribe(string user, string clientId, string filter)
    {
        var granted = false;
        foreach (var rule in _rules)
        {
            if (rule.FilterFor(user, clientId) is not { } ruleFilter || !TopicFilters.Covers(ruleFilter, filter))
            {
                continue;
            }

            if (rule.Access.HasFlag(AclAccess.Deny))
            {
                return false;
            }

            granted |= rule.Access.HasFlag(AclAccess.Read);
        }

        return granted;
    }

    private bool Allows(string user, string clientId, string topic, AclAccess wanted)
    {
        var granted = false;
        foreach (var rule in _rules)
        {
            if (rule.FilterFor(user, clientId) is not { } ruleFilter || !TopicFilters.Matches(ruleFilter, topic))
            {
                continue;
            }

            if (rule.Access.HasFlag(AclAccess.Deny))
            {
                return false;
            }

            granted |= rule.Access.HasFlag(wanted);
        }

        return granted;
    }
}
