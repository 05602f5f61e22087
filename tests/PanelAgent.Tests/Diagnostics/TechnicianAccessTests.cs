using PanelAgent.Diagnostics;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Diagnostics;

/// <summary>Who may use the technician socket, decided from kernel credentials and the group files (fake ones here).</summary>
public sealed class TechnicianAccessTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TechnicianAccess _access;

    public TechnicianAccessTests()
    {
        File.WriteAllLines(_dir.Combine("group"), ["root:x:0:", "panel-tech:x:1500:alice,carol", "users:x:100:"]);
        File.WriteAllLines(_dir.Combine("passwd"), ["root:x:0:0::/root:/bin/sh", "alice:x:1001:100::/home/alice:/bin/sh",
            "bob:x:1002:100::/home/bob:/bin/sh", "dave:x:1004:1500::/home/dave:/bin/sh"]);
        _access = new TechnicianAccess("panel-tech", _dir.Combine("group"), _dir.Combine("passwd"));
    }

    [Theory]
    [InlineData(0u, 0u, new uint[0], true)] // root
    [InlineData(1001u, 100u, new uint[0], true)] // alice: listed member of panel-tech
    [InlineData(1002u, 100u, new uint[0], false)] // bob: not a member
    [InlineData(1002u, 100u, new uint[] { 1500u }, true)] // bob's process carries the group (SO_PEERGROUPS)
    [InlineData(1004u, 1500u, new uint[0], true)] // dave: panel-tech is his primary group
    [InlineData(1009u, 1009u, new uint[0], false)] // a uid without a passwd entry
    public void Refusal_ByCredentials_AllowsRootAndTheGroupOnly(uint uid, uint gid, uint[] groups, bool allowed)
    {
        var refusal = _access.Refusal(new PeerCredentials(4242, uid, gid, groups));

        Assert.Equal(allowed, refusal is null);
        if (!allowed)
        {
            Assert.Contains($"uid {uid}", refusal, StringComparison.Ordinal);
            Assert.Contains("'panel-tech'", refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Refusal_GroupMissingFromTheSystem_OnlyRootAllowed()
    {
        var access = new TechnicianAccess("no-such-group", _dir.Combine("group"), _dir.Combine("passwd"));

        Assert.Null(access.Refusal(new PeerCredentials(1, 0, 0, [])));
        Assert.NotNull(access.Refusal(new PeerCredentials(1, 1001, 100, [1500])));
    }

    public void Dispose() => _dir.Dispose();
}
