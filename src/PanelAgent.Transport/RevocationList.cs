using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PanelAgent.Transport;

/// <summary>
/// A CRL read from a file and verified against the pinned CA, for revocation checks with no network. .NET's
/// X509ChainPolicy cannot be handed a CRL (on Linux it only reads CRLs it downloaded itself from a certificate's
/// distribution point into a per-user cache), so RevocationMode.Offline with a CRL file is not possible through
/// MQTTnet's TLS options; this class does the check in the certificate validation handler instead.
/// </summary>
public sealed class RevocationList
{
    private readonly HashSet<BigInteger> _revokedSerials;

    private RevocationList(HashSet<BigInteger> revokedSerials, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate)
    {
        _revokedSerials = revokedSerials;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
    }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset? NextUpdate { get; }

    public int Count => _revokedSerials.Count;

    public bool IsRevoked(X509Certificate2 certificate) =>
        _revokedSerials.Contains(new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true));

    /// <summary>Reads a PEM or DER CRL and checks that <paramref name="issuer"/> signed it; throws when it did not.</summary>
    public static RevocationList Load(string path, X509Certificate2 issuer)
    {
        var bytes = File.ReadAllBytes(path);
        var der = PemEncoding.TryFind(System.Text.Encoding.ASCII.GetString(bytes), out var fields)
            ? Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(bytes)[fields.Base64Data])
            : bytes;
        return Parse(der, issuer);
    }

    // RFC 5280 §5.1: CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue BIT STRING }.
    private static RevocationList Parse(byte[] der, X509Certificate2 issuer)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbsBytes = outer.ReadEncodedValue().ToArray();
        var algorithm = outer.ReadSequence().ReadObjectIdentifier();
        var signature = outer.ReadBitString(out _);
        if (!VerifySignature(issuer, algorithm, tbsBytes, signature))
        {
            throw new CryptographicException("The CRL is not signed by the pinned CA.");
        }

        var tbs = new AsnReader(tbsBytes, AsnEncodingRules.DER).ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            tbs.ReadInteger(); // version v2
        }

        tbs.ReadSequence(); // signature algorithm, repeated inside the signed part
        var crlIssuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
        if (!crlIssuer.RawData.AsSpan().SequenceEqual(issuer.SubjectName.RawData))
        {
            throw new CryptographicException("The CRL issuer is not the pinned CA.");
        }

        var thisUpdate = ReadTime(tbs);
        DateTimeOffset? nextUpdate = tbs.HasData && IsTime(tbs.PeekTag()) ? ReadTime(tbs) : null;
        return new RevocationList(ReadSerials(tbs), thisUpdate, nextUpdate);
    }

    private static HashSet<BigInteger> ReadSerials(AsnReader tbs)
    {
        var serials = new HashSet<BigInteger>();
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                serials.Add(entries.ReadSequence().ReadInteger());
            }
        }

        return serials;
    }

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();

    private static bool VerifySignature(X509Certificate2 issuer, string algorithm, byte[] data, byte[] signature)
    {
        using var ecdsa = issuer.GetECDsaPublicKey();
        using var rsa = issuer.GetRSAPublicKey();
        return algorithm switch
        {
            "1.2.840.10045.4.3.2" => ecdsa?.VerifyData(data, signature, HashAlgorithmName.SHA256,
                DSASignatureFormat.Rfc3279DerSequence) == true,
            "1.2.840.10045.4.3.3" => ecdsa?.VerifyData(data, signature, HashAlgorithmName.SHA384,
                DSASignatureFormat.Rfc3279DerSequence) == true,
            "1.2.840.113549.1.1.11" => rsa?.VerifyData(data, signature, HashAlgorithmName.SHA256,
                RSASignaturePadding.Pkcs1) == true,
            "1.2.840.113549.1.1.12" => rsa?.VerifyData(data, signature, HashAlgorithmName.SHA384,
                RSASignaturePadding.Pkcs1) == true,
            _ => throw new CryptographicException($"CRL signature algorithm {algorithm} is not supported."),
        };
    }
}
