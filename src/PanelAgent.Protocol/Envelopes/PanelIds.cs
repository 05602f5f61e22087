namespace PanelAgent.Protocol.Envelopes;

/// <summary>
/// What a panel id may look like: 1 to 64 characters of <c>[A-Za-z0-9._-]</c>. It is an MQTT topic level and client
/// id, so it never holds <c>/</c>, <c>+</c> or <c>#</c>; and it is an installation number, never a customer's name.
/// </summary>
public static class PanelIds
{
    public static bool IsValid(string? panelId) =>
        panelId is { Length: > 0 and <= EnvelopeLayout.MaxPanelIdLength } && panelId.All(c => c < 128 && IsAllowed((byte)c));

    /// <summary>The same rule over the ASCII bytes of an envelope.</summary>
    public static bool IsValid(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length is 0 or > EnvelopeLayout.MaxPanelIdLength)
        {
            return false;
        }

        foreach (var b in ascii)
        {
            if (!IsAllowed(b))
            {
                return false;
            }
        }

        return true;
    }

    public static void EnsureValid(string panelId)
    {
        if (!IsValid(panelId))
        {
            throw new ArgumentException("a panel id is 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'", nameof(panelId));
        }
    }

    private static bool IsAllowed(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'.' or (byte)'_' or (byte)'-';
}
