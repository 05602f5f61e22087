using System.Security.Cryptography;

namespace PanelAgent.Update.Signing;

/// <summary>
/// The trusted release keys: every <c>*.pem</c> public key (P-256) in one directory. Several keys at once is how keys
/// rotate: ship the new key in a release signed by the old one, then sign with the new one, then drop the old.
/// </summary>
public static class TrustedKeys
{
    /// <exception cref="UpdateRefusedException">No directory, no key, or a file that is not a P-256 public key.</exception>
    public static IReadOnlyList<TrustedKey> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new UpdateRefusedException(UpdateRefusal.Untrusted, $"--keys: no trusted-key directory at '{directory}'");
        }

        var keys = new List<TrustedKey>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.pem").Order(StringComparer.Ordinal))
        {
            var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(File.ReadAllText(file));
            }
            catch (ArgumentException ex)
            {
                key.Dispose();
                throw new UpdateRefusedException(UpdateRefusal.Untrusted, $"--keys: '{file}' is not a PEM key: {ex.Message}");
            }

            if (key.KeySize != 256)
            {
                key.Dispose();
                throw new UpdateRefusedException(UpdateRefusal.Untrusted, $"--keys: '{file}' is not a P-256 key");
            }

            keys.Add(new TrustedKey(Path.GetFileName(file), key));
        }

        return keys.Count > 0
            ? keys
            : throw new UpdateRefusedException(UpdateRefusal.Untrusted, $"--keys: no *.pem key in '{directory}'");
    }
}
