using System.Runtime.CompilerServices;

namespace PanelAgent.Protocol.Tests.Support;

/// <summary>Finds files of the repository from this source file, wherever the build output lives (--artifacts-path).</summary>
public static class RepoPaths
{
    public static string File(string relativePath, [CallerFilePath] string caller = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "PanelAgent.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("repository root not found above " + caller)
            : Path.Combine(dir.FullName, relativePath);
    }
}
