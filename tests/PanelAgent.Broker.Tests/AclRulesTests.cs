using PanelAgent.Broker.Acl;

namespace PanelAgent.Broker.Tests;

/// <summary>The shipped hardware/mosquitto/acl as the embedded broker reads it.</summary>
public sealed class AclRulesTests
{
    private static readonly AclRules s_shipped = AclRules.BuiltIn();

    [Theory]
    [InlineData("panel-a", "panels/panel-a/events", true)]
    [InlineData("panel-a", "panels/panel-a/images", true)]
    [InlineData("panel-a", "panels/panel-a/status", true)]
    [InlineData("panel-a", "panels/panel-a/acks", false)]
    [InlineData("panel-a", "panels/panel-a/commands", false)]
    [InlineData("panel-a", "panels/panel-b/events", false)]
    [InlineData("panel-a", "panels/panel-a/events/x", false)]
    [InlineData("station", "panels/panel-a/acks", true)]
    [InlineData("station", "panels/panel-a/commands", true)]
    [InlineData("station", "panels/panel-a/events", false)]
    public void CanPublish_ShippedAcl_MatchesMosquitto(string user, string topic, bool allowed) =>
        Assert.Equal(allowed, s_shipped.CanPublish(user, user, topic));

    [Theory]
    [InlineData("panel-a", "panels/panel-a/acks", true)]
    [InlineData("panel-a", "panels/panel-a/commands", true)]
    [InlineData("panel-a", "panels/panel-a/events", false)]
    [InlineData("panel-a", "panels/panel-b/acks", false)]
    [InlineData("station", "panels/panel-a/events", true)]
    [InlineData("station", "elsewhere/x", false)]
    public void CanRead_ShippedAcl_MatchesMosquitto(string user, string topic, bool allowed) =>
        Assert.Equal(allowed, s_shipped.CanRead(user, user, topic));

    [Theory]
    [InlineData("panels/#", "panels/+/events", true)]
    [InlineData("panels/#", "panels/#", true)]
    [InlineData("panels/#", "#", false)]
    [InlineData("panels/+/acks", "panels/a/acks", true)]
    [InlineData("panels/a/acks", "panels/+/acks", false)]
    [InlineData("panels/a/acks", "panels/a/#", false)]
    [InlineData("panels/+/acks", "panels/+/acks/x", false)]
    public void Covers_RuleAndFilter_OnlyWhenEveryMatchingTopicIsInTheRule(string rule, string filter, bool covered) =>
        Assert.Equal(covered, TopicFilters.Covers(rule, filter));

    [Fact]
    public void CanPublish_PatternWithWildcardInUserName_NeverSubstituted() =>
        Assert.False(s_shipped.CanPublish("+", "+", "panels/x/events"));

    [Fact]
    public void CanPublish_DenyLine_OverridesAGrant()
    {
        var acl = AclRules.Parse("pattern write panels/%u/#\npattern deny panels/%u/images\n");

        Assert.True(acl.CanPublish("p", "p", "panels/p/events"));
        Assert.False(acl.CanPublish("p", "p", "panels/p/images"));
    }

    [Theory]
    [InlineData("topic read x", "line 1")]
    [InlineData("# ok\nuser a\ntopic sometimes x", "line 3")]
    [InlineData("user a\ntopic read a/#/b", "line 2")]
    [InlineData("allow all", "line 1")]
    public void Parse_BadLine_ThrowsNamingTheLine(string text, string where)
    {
        var error = Assert.Throws<FormatException>(() => AclRules.Parse(text));

        Assert.Contains(where, error.Message, StringComparison.Ordinal);
    }
}
