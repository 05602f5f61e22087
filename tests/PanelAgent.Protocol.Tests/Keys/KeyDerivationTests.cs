using System.Security.Cryptography;
using PanelAgent.Protocol.Envelopes;
using PanelAgent.Protocol.Keys;
using PanelAgent.Protocol.Tests.Support;

namespace PanelAgent.Protocol.Tests.Keys;

public class KeyDerivationTests
{
    [Fact]
    public void Hkdf_Rfc5869TestCase1_MatchesTheRfc()
    {
        // RFC 5869 Appendix A.1: the primitive both key levels are built on.
        var ikm = Convert.FromHexString("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        var salt = Convert.FromHexString("000102030405060708090a0b0c");
        var info = Convert.FromHexString("f0f1f2f3f4f5f6f7f8f9");

        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var okm = HKDF.Expand(HashAlgorithmName.SHA256, prk, 42, info);

        Assert.Equal("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", Convert.ToHexStringLower(prk));
        Assert.Equal(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
            Convert.ToHexStringLower(okm));
    }

    [Theory]
    [InlineData(Direction.Uplink, "villa-0001", 1u, "panelagent/v1/uplink/villa-0001/1")]
    [InlineData(Direction.Downlink, "villa-0001", 4000000000u, "panelagent/v1/downlink/villa-0001/4000000000")]
    public void Info_IsTheDocumentedString(Direction direction, string panelId, uint keyId, string expected) =>
        Assert.Equal(expected, KeyDerivation.Info(direction, panelId, keyId));

    [Fact]
    public void DeriveDirectionKey_SameInputs_SameKey()
    {
        var first = KeyDerivation.DeriveDirectionKey(TestLink.MasterSecret, Direction.Uplink, TestLink.PanelId, 1);
        var second = KeyDerivation.DeriveDirectionKey(TestLink.MasterSecret, Direction.Uplink, TestLink.PanelId, 1);

        Assert.Equal(first, second);
        Assert.Equal(32, first.Length);
    }

    [Fact]
    public void DeriveDirectionKey_AnyInputChanged_AnotherKey()
    {
        var keys = new[]
        {
            KeyDerivation.DeriveDirectionKey(TestLink.MasterSecret, Direction.Uplink, TestLink.PanelId, 1),
            KeyDerivation.DeriveDirectionKey(TestLink.MasterSecret, Direction.Downlink, TestLink.PanelId, 1),
            KeyDerivation.DeriveDirectionKey(TestLink.MasterSecret, Direction.Uplink, TestLink.OtherPanelId, 1),
            KeyDerivation.DeriveDirectionKey(TestLink.MasterSecret, Direction.Uplink, TestLink.PanelId, 2),
            KeyDerivation.DeriveDirectionKey(SHA256.HashData("another fleet"u8), Direction.Uplink, TestLink.PanelId, 1),
        };

        Assert.Equal(keys.Length, keys.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void DeriveDirectionKey_ShortMasterSecret_Throws() =>
        Assert.Throws<ArgumentException>(() => KeyDerivation.DeriveDirectionKey(new byte[16], Direction.Uplink, TestLink.PanelId, 1));

    [Fact]
    public void KeySet_SameKeyForBothDirections_Throws()
    {
        var key = new byte[32];

        Assert.Throws<ArgumentException>(() => new KeySet(TestLink.PanelId, 1, key, key));
    }
}
