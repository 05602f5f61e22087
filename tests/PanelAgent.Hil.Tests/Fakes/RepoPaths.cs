using System.Runtime.CompilerServices;

namespace PanelAgent.Hil.Tests.Fakes;

/// <summary>Finds folders of the repository from the test's source file or the working directory.</summary>
internal static class RepoPaths
{
    public static string Find(string relative, [CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), Environment.CurrentDirectory })
        {
            for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
            {
                var candidate = Path.Combine(dir, relative);
                if (Directory.Exists(candidate) || File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"{relative} not found above the test sources or the working directory");
    }
}
