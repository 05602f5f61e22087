using System.Collections;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using PanelAgent.Broker.Acl;

namespace PanelAgent.Broker.Sharing;

/// <summary>
/// MQTT 5 shared subscriptions (§4.8.2) on top of MQTTnet.Server, which refuses <c>$share/</c> filters outright
/// (SharedSubscriptionsNotSupported, before any interceptor runs). An inbound SUBSCRIBE has its <c>$share/{group}/</c>
/// prefix removed, so MQTTnet stores a plain subscription and matches topics as usual; this class remembers which
/// sessions hold which share, and when MQTTnet offers a message to a session it lets exactly one member of each
/// matching (group, filter) take it, in turn. Plain subscriptions of the same session are always served.
/// Limits: one session holding the same filter both plain and shared has one MQTTnet subscription for both; a member
/// that joins while a message is being dispatched may miss that one message (the end-to-end ack resends it).
/// </summary>
public sealed class SharedSubscriptions
{
    private readonly AclRules _acl;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Member> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Group, string Filter), long> _turns = [];
    private readonly ConditionalWeakTable<MqttTopicFilter, ShareMark> _marks = new();
    private readonly ConditionalWeakTable<MqttApplicationMessage, HashSet<string>> _chosen = new();

    public SharedSubscriptions(AclRules acl, ILogger logger)
    {
        _acl = acl;
        _logger = logger;
    }

    /// <summary>A session began: until now it held no subscription (the broker keeps no persistent sessions).</summary>
    public void Connected(string clientId, string identity, IDictionary sessionItems)
    {
        lock (_lock)
        {
            _sessions[clientId] = new Member(clientId, identity, sessionItems);
        }
    }

    /// <summary>A session ended; a taken-over session's end does not remove its successor.</summary>
    public void Disconnected(string clientId, IDictionary sessionItems)
    {
        lock (_lock)
        {
            if (_sessions.TryGetValue(clientId, out var member) && ReferenceEquals(member.Items, sessionItems))
            {
                _sessions.Remove(clientId);
            }
        }
    }

    /// <summary>Inbound SUBSCRIBE: strip <c>$share/{group}/</c> and mark the filter for the subscription interceptor.</summary>
    public void RewriteSubscribe(MqttSubscribePacket packet)
    {
        foreach (var filter in packet.TopicFilters)
        {
            if (TopicFilters.TrySplitShare(filter.Topic, out var group, out var plain, out var valid))
            {
                _marks.AddOrUpdate(filter, new ShareMark(group, plain, valid));
                filter.Topic = valid ? plain : filter.Topic[1..]; // never left as "$share/": MQTTnet would refuse it first
                // Retained messages are not sent for a new shared subscription [MQTT-3.8.4, §4.8.2].
                filter.RetainHandling = MqttRetainHandling.DoNotSendOnSubscribe;
            }
        }
    }

    /// <summary>The share a filter came from, or null for a plain subscription.</summary>
    public ShareMark? MarkOf(MqttTopicFilter filter) => _marks.TryGetValue(filter, out var mark) ? mark : null;

    /// <summary>After MQTTnet created the subscription: record it as plain or as a share membership.</summary>
    public void Subscribed(string clientId, IDictionary sessionItems, MqttTopicFilter filter)
    {
        var mark = MarkOf(filter);
        lock (_lock)
        {
            if (!_sessions.TryGetValue(clientId, out var member) || !ReferenceEquals(member.Items, sessionItems))
            {
                return;
            }

            if (mark is null)
            {
                member.Plain.Add(filter.Topic);
                return;
            }

            member.Shares.Add((mark.Group, mark.Filter));
        }

        BrokerLog.ShareJoined(_logger, clientId, mark.Group, mark.Filter);
    }

    /// <summary>Inbound UNSUBSCRIBE: leave the share, and strip the prefix unless the session still needs the filter.</summary>
    public void RewriteUnsubscribe(string clientId, MqttUnsubscribePacket packet)
    {
        for (var i = 0; i < packet.TopicFilters.Count; i++)
        {
            var topic = packet.TopicFilters[i];
            var isShare = TopicFilters.TrySplitShare(topic, out var group, out var plain, out var valid);
            lock (_lock)
            {
                if (!_sessions.TryGetValue(clientId, out var member))
                {
                    continue;
                }

                if (!isShare)
                {
                    member.Plain.Remove(topic);
                    // The filter is also held as a share: keep MQTTnet's subscription (it answers "no subscription").
                    packet.TopicFilters[i] = member.Shares.Any(s => s.Filter == topic) ? "$share/-/" + topic : topic;
                    continue;
                }

                if (valid && member.Shares.Remove((group, plain)))
                {
                    var stillNeeded = member.Plain.Contains(plain) || member.Shares.Any(s => s.Filter == plain);
                    packet.TopicFilters[i] = stillNeeded ? topic : plain;
                    BrokerLog.ShareLeft(_logger, clientId, group, plain);
                }
            }
        }
    }

    /// <summary>
    /// Called by MQTTnet for each session whose subscriptions match a message: true when this session gets it.
    /// <paramref name="readable"/> is false when the ACL does not let the session's identity read the topic (the
    /// subscribe check should have made that impossible; this is the second line). The members that get a message
    /// are chosen once per message, at its first offer, so every later offer of the same message agrees.
    /// </summary>
    public bool ShouldDeliver(string receiverClientId, MqttApplicationMessage message, out bool readable)
    {
        readable = true;
        lock (_lock)
        {
            if (!_sessions.TryGetValue(receiverClientId, out var member))
            {
                return false;
            }

            if (!_acl.CanRead(member.Identity, member.ClientId, message.Topic))
            {
                readable = false;
                return false;
            }

            if (member.Plain.Any(f => TopicFilters.Matches(f, message.Topic)))
            {
                return true;
            }
        }

        return _chosen.GetValue(message, m => Choose(m.Topic)).Contains(receiverClientId);
    }

    private HashSet<string> Choose(string topic)
    {
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        lock (_lock)
        {
            var candidates = new Dictionary<(string Group, string Filter), List<string>>();
            foreach (var member in _sessions.Values)
            {
                if (!_acl.CanRead(member.Identity, member.ClientId, topic))
                {
                    continue;
                }

                foreach (var share in member.Shares.Where(s => TopicFilters.Matches(s.Filter, topic)))
                {
                    (candidates.TryGetValue(share, out var list) ? list : candidates[share] = []).Add(member.ClientId);
                }
            }

            foreach (var (share, members) in candidates)
            {
                members.Sort(StringComparer.Ordinal);
                var turn = _turns.GetValueOrDefault(share);
                _turns[share] = turn + 1;
                chosen.Add(members[(int)(turn % members.Count)]);
            }
        }

        return chosen;
    }

    private sealed class Member(string clientId, string identity, IDictionary items)
    {
        public string ClientId { get; } = clientId;

        public string Identity { get; } = identity;

        public IDictionary Items { get; } = items;

        public List<string> Plain { get; } = [];

        public List<(string Group, string Filter)> Shares { get; } = [];
    }
}
