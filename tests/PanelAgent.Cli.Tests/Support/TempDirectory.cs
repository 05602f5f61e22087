namespace PanelAgent.Cli.Tests.Support;

/// <summary>
/// A private folder under the system temp directory, deleted on Dispose. Short names: a Unix socket path has at most
/// 107 bytes. Shared: mode 0755, so a second (test) user can reach a socket inside.
/// </summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(bool shared = false)
    {
        FullPath = Directory.CreateTempSubdirectory("pctl-").FullName;
        if (shared)
        {
            File.SetUnixFileMode(FullPath, (UnixFileMode)0b111_101_101);
        }
    }

    public string FullPath { get; }

    public string Combine(params string[] parts) => Path.Combine([FullPath, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(FullPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A test already removed it.
        }
    }
}
