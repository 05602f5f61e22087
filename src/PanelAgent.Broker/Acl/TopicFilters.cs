namespace PanelAgent.Broker.Acl;

/// <summary>MQTT topic and topic-filter rules used by the ACL and the shared subscriptions (MQTT 5 §4.7).</summary>
public static class TopicFilters
{
    private const string SharePrefix = "$share/";

    /// <summary>True when <paramref name="topic"/> (a topic name, no wildcards) matches <paramref name="filter"/>.</summary>
    public static bool Matches(string filter, string topic)
    {
        var f = filter.Split('/');
        var t = topic.Split('/');
        // A filter starting with a wildcard never matches a topic starting with '$' [MQTT-4.7.2-1].
        if (topic.StartsWith('$') && f[0] is "#" or "+")
        {
            return false;
        }

        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return true; // also matches the parent level: "a/#" matches "a" [MQTT-4.7.1-1]
            }

            if (i >= t.Length || (f[i] != "+" && !string.Equals(f[i], t[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }

    /// <summary>
    /// True when every topic <paramref name="filter"/> can match is also matched by <paramref name="rule"/>: a client
    /// may subscribe only to what it may read in full, never to a wider filter that the broker then trims.
    /// </summary>
    public static bool Covers(string rule, string filter)
    {
        var r = rule.Split('/');
        var f = filter.Split('/');
        for (var i = 0; i < r.Length; i++)
        {
            if (r[i] == "#")
            {
                return true;
            }

            if (i >= f.Length || f[i] == "#")
            {
                return false;
            }

            if (r[i] == "+")
            {
                continue;
            }

            if (f[i] == "+" || !string.Equals(r[i], f[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return r.Length == f.Length;
    }

    /// <summary>True for a well-formed topic filter: '#' only last and alone in its level, '+' alone in its level.</summary>
    public static bool IsValidFilter(string filter)
    {
        if (string.IsNullOrEmpty(filter) || filter.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if ((level.Contains('#', StringComparison.Ordinal) && (level != "#" || i != levels.Length - 1))
                || (level.Contains('+', StringComparison.Ordinal) && level != "+"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Splits <c>$share/{group}/{filter}</c> [MQTT-4.8.2]. Returns false for any other filter; a malformed share
    /// (empty group, group with '/', '+' or '#', empty or invalid filter) comes back true with <paramref name="valid"/> false.
    /// </summary>
    public static bool TrySplitShare(string topicFilter, out string group, out string filter, out bool valid)
    {
        group = "";
        filter = "";
        valid = false;
        if (!topicFilter.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = topicFilter[SharePrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return true;
        }

        group = rest[..slash];
        filter = rest[(slash + 1)..];
        valid = group.IndexOfAny(['+', '#']) < 0 && IsValidFilter(filter);
        return true;
    }
}
