using System.Security.Cryptography;

namespace PanelAgent.Runtime;

/// <summary>
/// The device-held pepper for code hashes: 32 random bytes in a file readable by the service user only, created on
/// first start. Kept outside the database so a copied database alone does not allow brute-forcing codes.
/// </summary>
public static class PepperFile
{
    public const int Length = 32;

    public static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            return existing.Length >= Length
                ? existing
                : throw new InvalidDataException($"the pepper file '{path}' is shorter than {Length} bytes");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var pepper = RandomNumberGenerator.GetBytes(Length);
        var temp = path + ".new";
        using (var stream = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            Options = FileOptions.WriteThrough,
        }))
        {
            stream.Write(pepper);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path); // atomic: a power cut leaves either no pepper or a whole one
        return pepper;
    }
}
