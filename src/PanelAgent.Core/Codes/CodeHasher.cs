using System.Security.Cryptography;
using System.Text;
using PanelAgent.Core.Users;

namespace PanelAgent.Core.Codes;

/// <summary>
/// Hashes user codes with PBKDF2-HMAC-SHA256 and a per-user salt, over HMAC-SHA256(pepper, code). The pepper is a
/// device-held secret kept outside the database, so a stolen database alone cannot be brute-forced: a 6-digit code
/// space is small enough that the salt and the iterations alone would not protect it. PBKDF2 rather than Argon2id
/// because it is in the framework (no extra native or managed dependency on the panel) and its cost is tunable.
/// </summary>
public sealed class CodeHasher
{
    public const int DefaultIterations = 100_000;
    public const int MinIterations = 10_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly byte[] _pepper;

    public CodeHasher(byte[] pepper, int iterations = DefaultIterations)
    {
        if (pepper.Length < 32)
        {
            throw new ArgumentException("the pepper must be at least 32 bytes", nameof(pepper));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinIterations);
        _pepper = pepper;
        Iterations = iterations;
    }

    public int Iterations { get; }

    public CodeHash Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new CodeHash(Iterations, salt, Derive(code, salt, Iterations));
    }

    /// <summary>Constant-time comparison; the work is the same whether the code matches or not.</summary>
    public bool Verify(string code, CodeHash stored)
    {
        var candidate = Derive(code, stored.Salt, stored.Iterations);
        return CryptographicOperations.FixedTimeEquals(candidate, stored.Hash);
    }

    private byte[] Derive(string code, byte[] salt, int iterations)
    {
        Span<byte> codeBytes = stackalloc byte[Encoding.UTF8.GetMaxByteCount(CodeRules.MaxLength * 4)];
        var written = Encoding.UTF8.GetBytes(code.AsSpan(0, Math.Min(code.Length, CodeRules.MaxLength * 4)), codeBytes);
        Span<byte> peppered = stackalloc byte[32];
        HMACSHA256.HashData(_pepper, codeBytes[..written], peppered);
        CryptographicOperations.ZeroMemory(codeBytes);
        var result = Rfc2898DeriveBytes.Pbkdf2(peppered, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        CryptographicOperations.ZeroMemory(peppered);
        return result;
    }
}
