using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PanelAgent.Privacy;

/// <summary>
/// Where a privacy export asked for by the station goes: a file in the panel's state folder (<c>exports/</c> beside
/// the database, owner-only), for the technician to hand to the household — never onto the wire. Why: the export is
/// the household's own copy, not something the station's role needs (P12); sent, it would become one more copy of
/// names and logs held at the station outside the panel's retention caps (P6-P8), and a large transfer has no place
/// on the alarm path. The station's answer carries the file name and the document's SHA-256 only, so the copy handed
/// over can be checked against what the panel wrote. Exports are personal data too: an erase deletes them, and each
/// is deleted after <see cref="MaxAge"/>.
/// </summary>
public sealed class PrivacyExportFiles(string directory, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);
    private const string Prefix = "privacy-export-";
    private const string StampFormat = "yyyyMMdd'T'HHmmss'Z'";

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public string Directory { get; } = directory;

    /// <summary>Writes the document (owner read/write only) and returns its file name and SHA-256 (hex).</summary>
    public (string Name, string Sha256) Write(JsonObject document, string commandId)
    {
        ArgumentNullException.ThrowIfNull(document);
        System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Prune();
        var stamp = time.GetUtcNow().UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);
        // The id is [A-Za-z0-9._-] (PanelIds): no separator can reach the name, and the prefix keeps ".." harmless.
        var name = $"{Prefix}{stamp}-{commandId}.json";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, s_indented);
        var path = Path.Combine(Directory, name);
        using (var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        return (name, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>Deletes every export file; the number deleted.</summary>
    public int DeleteAll() => Delete(_ => true);

    /// <summary>Deletes exports older than <see cref="MaxAge"/>, by the panel's clock stamped in the name.</summary>
    public int Prune()
    {
        var cutoff = time.GetUtcNow() - MaxAge;
        return Delete(f => WrittenAt(f) is not { } at || at < cutoff);
    }

    private static DateTimeOffset? WrittenAt(string path)
    {
        var name = Path.GetFileName(path);
        var stamp = name.Length >= Prefix.Length + 16 ? name.Substring(Prefix.Length, 16) : "";
        return DateTimeOffset.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private int Delete(Func<string, bool> which)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var files = System.IO.Directory.GetFiles(Directory, Prefix + "*.json").Where(which).ToList();
        files.ForEach(File.Delete);
        return files.Count;
    }
}
