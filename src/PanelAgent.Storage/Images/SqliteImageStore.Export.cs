using PanelAgent.Core.Capture;

namespace PanelAgent.Storage.Images;

/// <summary>The images' metadata for the household's export (P11): never a key, a file name or a pixel.</summary>
public sealed partial class SqliteImageStore
{
    /// <summary>Every image the panel holds, oldest first.</summary>
    public IReadOnlyList<StoredImage> All() => Query($"SELECT {Columns} FROM images ORDER BY id");
}
