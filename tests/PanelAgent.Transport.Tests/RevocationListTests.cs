using System.Security.Cryptography;
using PanelAgent.TestSupport;

namespace PanelAgent.Transport.Tests;

public sealed class RevocationListTests(TestPki pki) : IClassFixture<TestPki>
{
    [Fact]
    public void Load_CrlFromPinnedCa_ListsExactlyTheRevokedCertificate()
    {
        pki.Write("unit.crl", TestPki.CrlPem(pki.Ca, pki.Server));

        var crl = RevocationList.Load(pki.PathOf("unit.crl"), pki.Ca);

        Assert.Equal(1, crl.Count);
        Assert.True(crl.IsRevoked(pki.Server));
        Assert.False(crl.IsRevoked(pki.Ca));
        Assert.NotNull(crl.NextUpdate);
    }

    [Fact]
    public void Load_CrlSignedByAnotherCa_Throws()
    {
        pki.Write("rogue.crl", TestPki.CrlPem(pki.RogueCa));

        var error = Assert.Throws<CryptographicException>(() => RevocationList.Load(pki.PathOf("rogue.crl"), pki.Ca));

        Assert.Contains("not signed by the pinned CA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyCrl_RevokesNothing() =>
        Assert.Equal(0, RevocationList.Load(pki.PathOf("empty.crl"), pki.Ca).Count);
}
