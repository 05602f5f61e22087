using PanelAgent.Update.Manifest;
using PanelAgent.Update.Verification;

namespace PanelAgent.Update.Tests.Verification;

public sealed class UpdatePolicyTests
{
    private static readonly ReleaseManifest s_installed = Manifest("1.4.0");

    [Fact]
    public void Check_NewerVersion_Accepted() => UpdatePolicy.Check(Manifest("1.5.0"), s_installed, new DatabaseSchema(2, 1));

    [Theory]
    [InlineData("1.3.9", "older than installed")]
    [InlineData("1.4.0", "already installed")]
    public void Check_OlderOrSameVersion_RefusedForVersion(string version, string reason)
    {
        var refused = Assert.Throws<UpdateRefusedException>(() => UpdatePolicy.Check(Manifest(version), s_installed, null));

        Assert.Equal(UpdateRefusal.Version, refused.Refusal);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OlderVersionSignedAsRollback_Accepted() =>
        UpdatePolicy.Check(Manifest("1.3.9") with { Rollback = true }, s_installed, null);

    [Fact]
    public void Check_InstalledBelowMinUpdateFrom_RefusedForVersion()
    {
        var refused = Assert.Throws<UpdateRefusedException>(() =>
            UpdatePolicy.Check(Manifest("2.0.0") with { MinUpdateFrom = "1.5.0" }, s_installed, null));

        Assert.Equal(UpdateRefusal.Version, refused.Refusal);
        Assert.Contains("intermediate", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DatabaseNeedsANewerReader_RefusedForSchema()
    {
        var refused = Assert.Throws<UpdateRefusedException>(() =>
            UpdatePolicy.Check(Manifest("1.5.0") with { SchemaVersion = 2 }, s_installed, new DatabaseSchema(5, 3)));

        Assert.Equal(UpdateRefusal.Schema, refused.Refusal);
        Assert.Contains("schema", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DatabaseNewerButReadable_Accepted() =>
        UpdatePolicy.Check(Manifest("1.5.0") with { SchemaVersion = 2 }, s_installed, new DatabaseSchema(4, 1));

    private static ReleaseManifest Manifest(string version) => new()
    {
        Version = version, MinUpdateFrom = "1.0.0", SchemaVersion = 2, Files = [],
    };
}
