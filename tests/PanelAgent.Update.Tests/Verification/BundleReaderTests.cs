using PanelAgent.Update.Manifest;
using PanelAgent.Update.Signing;
using PanelAgent.Update.Tests.Support;
using PanelAgent.Update.Verification;

namespace PanelAgent.Update.Tests.Verification;

public sealed class BundleReaderTests : IDisposable
{
    private readonly UpdateRig _rig = new();

    [Fact]
    public void ReadVerified_GoodBundle_ReturnsManifestAndSigner()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));

        var verified = BundleReader.ReadVerified(bundle, TrustedKeys.Load(_rig.KeysDirectory));

        Assert.Equal("1.0.2", verified.Manifest.Version);
        Assert.Equal("release-2026.pem", verified.SignedBy);
    }

    [Fact]
    public void ReadVerified_OneFlippedByteInABinary_RefusedForIntegrity()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        BundleBuilder.FlipByte(Path.Combine(bundle, "panel-agent"), offset: 12);

        var refused = Assert.Throws<UpdateRefusedException>(() => BundleReader.ReadVerified(bundle, TrustedKeys.Load(_rig.KeysDirectory)));

        Assert.Equal(UpdateRefusal.Integrity, refused.Refusal);
        Assert.Contains("'panel-agent'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadVerified_OneFlippedByteInTheManifest_RefusedAsUntrusted()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        BundleBuilder.FlipByte(Path.Combine(bundle, BundleFiles.Manifest), offset: 20);

        var refused = Assert.Throws<UpdateRefusedException>(() => BundleReader.ReadVerified(bundle, TrustedKeys.Load(_rig.KeysDirectory)));

        Assert.Equal(UpdateRefusal.Untrusted, refused.Refusal);
    }

    [Fact]
    public void ReadVerified_SignedByAnUntrustedKey_RefusedAsUntrusted()
    {
        using var stranger = new SigningKey();
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"), stranger);

        var refused = Assert.Throws<UpdateRefusedException>(() => BundleReader.ReadVerified(bundle, TrustedKeys.Load(_rig.KeysDirectory)));

        Assert.Equal(UpdateRefusal.Untrusted, refused.Refusal);
        Assert.Contains("signature", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadVerified_SignedByTheSecondOfTwoTrustedKeys_Accepted()
    {
        using var next = new SigningKey();
        next.TrustIn(_rig.KeysDirectory, "release-2027");
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"), next);

        var verified = BundleReader.ReadVerified(bundle, TrustedKeys.Load(_rig.KeysDirectory));

        Assert.Equal("release-2027.pem", verified.SignedBy);
    }

    [Fact]
    public void ReadVerified_AnUnlistedFile_RefusedForIntegrity()
    {
        var bundle = _rig.Bundle(new BundleBuilder("1.0.2"));
        File.WriteAllText(Path.Combine(bundle, "extra.sh"), "#!/bin/sh\n");

        var refused = Assert.Throws<UpdateRefusedException>(() => BundleReader.ReadVerified(bundle, TrustedKeys.Load(_rig.KeysDirectory)));

        Assert.Equal(UpdateRefusal.Integrity, refused.Refusal);
        Assert.Contains("extra.sh", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("a/./b")]
    public void SafePath_PathLeavingTheBundle_Refused(string path) =>
        Assert.Throws<UpdateRefusedException>(() => BundleReader.SafePath("/tmp/bundle", path));

    public void Dispose() => _rig.Dispose();
}
