using System.Globalization;

namespace PanelAgent.Core.Users;

/// <summary>
/// A user code as stored: PBKDF2-HMAC-SHA256 over HMAC-SHA256(pepper, code) with a per-user salt.
/// The iteration count travels with the hash so it can be raised later without breaking old entries.
/// </summary>
public sealed record CodeHash(int Iterations, byte[] Salt, byte[] Hash)
{
    private const string Prefix = "pbkdf2-sha256";

    /// <summary>Text form for storage: <c>pbkdf2-sha256$iterations$salt$hash</c> (base64).</summary>
    public override string ToString() =>
        string.Join('$', Prefix, Iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(Salt), Convert.ToBase64String(Hash));

    public static CodeHash Parse(string text)
    {
        var parts = text.Split('$');
        if (parts.Length != 4 || parts[0] != Prefix)
        {
            throw new FormatException("not a pbkdf2-sha256 code hash");
        }

        return new CodeHash(int.Parse(parts[1], CultureInfo.InvariantCulture),
            Convert.FromBase64String(parts[2]), Convert.FromBase64String(parts[3]));
    }
}
