using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PanelAgent.Storage.AccessLog;

/// <summary>
/// The hash chain of the access log: each entry's hash is SHA-256 over the previous entry's hash and the entry's own
/// fields, so removing, altering or reordering an entry changes a hash that a later entry (or the stored one)
/// commits to. Fields are length-prefixed, so no two different entries encode to the same bytes.
/// </summary>
public static class AccessChain
{
    /// <summary>The "previous hash" of the very first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string FormatTag = "panelagent-access-v1";

    public static string Hash(string previousHash, long sequence, long atUnixMs, string actor, string action,
        string? subject, string? detail)
    {
        var text = new StringBuilder(FormatTag.Length + 160);
        Field(text, FormatTag);
        Field(text, previousHash);
        Field(text, sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, atUnixMs.ToString(CultureInfo.InvariantCulture));
        Field(text, actor);
        Field(text, action);
        Field(text, subject);
        Field(text, detail);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary><c>-</c> for null, else <c>&lt;length&gt;:&lt;text&gt;</c>; null and "" stay distinct.</summary>
    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-;");
            return;
        }

        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }
}
