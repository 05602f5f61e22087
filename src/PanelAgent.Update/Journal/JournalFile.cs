using System.Text.Json;
using PanelAgent.Update.Manifest;
using PanelAgent.Update.Slots;

namespace PanelAgent.Update.Journal;

/// <summary>The journal file, replaced atomically and synced on every step, removed when the update is settled.</summary>
public sealed class JournalFile(string root)
{
    public const string FileName = "update-journal.json";

    public string Path { get; } = System.IO.Path.Combine(root, FileName);

    public JournalEntry? Read()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path), ManifestJsonContext.Default.JournalEntry);
        }
        catch (JsonException)
        {
            // Written by rename, so never torn; unreadable means foreign. Recovery then trusts `current` alone.
            return null;
        }
    }

    public void Write(JournalEntry entry) =>
        Durable.WriteFile(Path, JsonSerializer.SerializeToUtf8Bytes(entry, ManifestJsonContext.Default.JournalEntry));

    public void Delete()
    {
        File.Delete(Path);
        Durable.SyncDirectory(System.IO.Path.GetDirectoryName(Path)!);
    }
}
