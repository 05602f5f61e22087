using System.Text.Json;

namespace PanelAgent.Update.Requests;

/// <summary>
/// The hand-over between the hardened, non-root agent and the root updater (issue 6 §2, docs/remote-actions.md):
/// the agent writes <c>request.json</c> in <c>/var/lib/panelagent/update/</c>; <c>panel-agent-update.path</c> starts
/// <c>panel-agent-update.service</c>, which consumes it and writes <c>result.json</c>; the agent reports the result.
/// Both sides check the bundle name (<see cref="IsValidBundleName"/>) and the root side confines the path again: the
/// agent's files are never trusted by root.
/// </summary>
public static class UpdateRequestFiles
{
    public const string RequestFile = "request.json";
    public const string ResultFile = "result.json";
    public const int MaxFileBytes = 4096;
    private const int MaxNameLength = 128;

    /// <summary>A plain name (<c>[A-Za-z0-9][A-Za-z0-9._-]*</c>): no separator, no <c>..</c>, no hidden file.</summary>
    public static bool IsValidBundleName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') && !name.Contains("..", StringComparison.Ordinal);

    /// <summary>
    /// The bundle's full path inside <paramref name="bundles"/>, or null: a bad name, a bundle folder that is itself a
    /// link, or a bundle whose link leads out of the folder.
    /// </summary>
    public static string? Resolve(string bundles, string? name)
    {
        if (!IsValidBundleName(name))
        {
            return null;
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(bundles)); // "bundles/" names the same folder
        var folder = new DirectoryInfo(root);
        if (!folder.Exists || folder.LinkTarget is not null)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, name!));
        FileSystemInfo entry = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!entry.Exists)
        {
            return null;
        }

        var target = entry.LinkTarget is null ? path : entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return target is not null && Path.GetDirectoryName(Path.GetFullPath(target)) == root ? path : null;
    }

    public static void Write(string path, UpdateRequest request) =>
        WriteAtomic(path, JsonSerializer.SerializeToUtf8Bytes(request, UpdateRequestJsonContext.Default.UpdateRequest));

    public static void Write(string path, UpdateRequestResult result) =>
        WriteAtomic(path, JsonSerializer.SerializeToUtf8Bytes(result, UpdateRequestJsonContext.Default.UpdateRequestResult));

    /// <summary>Reads and deletes a request; null when absent, oversized or malformed (it is deleted all the same).</summary>
    public static UpdateRequest? Take(string path) => Take(path, UpdateRequestJsonContext.Default.UpdateRequest);

    /// <summary>Reads and deletes a result; null when absent, oversized or malformed.</summary>
    public static UpdateRequestResult? TakeResult(string path) => Take(path, UpdateRequestJsonContext.Default.UpdateRequestResult);

    /// <summary>The word the agent's answer uses for an exit code of <c>panel-agent update</c>.</summary>
    public static string Outcome(int exitCode) => exitCode switch
    {
        UpdateExitCodes.Ok => "installed",
        UpdateExitCodes.PanelBusy => "panel-busy",
        UpdateExitCodes.Integrity => "integrity",
        UpdateExitCodes.Untrusted => "untrusted",
        UpdateExitCodes.Version => "version",
        UpdateExitCodes.Schema => "schema",
        UpdateExitCodes.RolledBack => "rolled-back",
        UpdateExitCodes.Usage => "bad-request",
        _ => "install-failed",
    };

    private static T? Take<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            // The agent writes this file and root reads it: a link (to a file only root may read) is not followed.
            bytes = info.LinkTarget is null && info.Length <= MaxFileBytes ? File.ReadAllBytes(path) : [];
            File.Delete(path); // consumed first: a bad file must not start the path unit again and again
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void WriteAtomic(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        // Root writes into the agent's folder: a planted link at the temporary name is removed (not followed), and
        // CreateNew (O_EXCL) refuses one planted again in between rather than write through it.
        File.Delete(temp);
        using (var file = new FileStream(temp, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        }))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true); // rename(2): the path unit never sees half a file
    }
}
