using PanelAgent.Runtime;
using PanelAgent.Tests.Support;

namespace PanelAgent.Tests.Runtime;

public sealed class PepperFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void LoadOrCreate_NoFile_Creates32RandomBytesReadableByOwnerOnly()
    {
        var path = _dir.Combine("var", "lib", "panelagent", "pepper");

        var pepper = PepperFile.LoadOrCreate(path);

        Assert.Equal(PepperFile.Length, pepper.Length);
        Assert.Equal(pepper, File.ReadAllBytes(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.False(File.Exists(path + ".new"), "the temporary file must be renamed into place");
        Assert.NotEqual(new byte[PepperFile.Length], pepper);
    }

    [Fact]
    public void LoadOrCreate_ExistingFile_ReusesIt()
    {
        var path = _dir.Combine("pepper");
        var first = PepperFile.LoadOrCreate(path);

        var second = PepperFile.LoadOrCreate(path);

        Assert.Equal(first, second);
    }

    [Fact]
    public void LoadOrCreate_TwoPanels_GetDifferentPeppers()
    {
        Assert.NotEqual(PepperFile.LoadOrCreate(_dir.Combine("a")), PepperFile.LoadOrCreate(_dir.Combine("b")));
    }

    [Fact]
    public void LoadOrCreate_ShortFile_RefusedAndLeftAlone()
    {
        var path = _dir.Combine("pepper");
        File.WriteAllBytes(path, new byte[PepperFile.Length - 1]);

        var error = Assert.Throws<InvalidDataException>(() => PepperFile.LoadOrCreate(path));

        Assert.Contains("shorter than 32 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(PepperFile.Length - 1, new FileInfo(path).Length);
    }

    public void Dispose() => _dir.Dispose();
}
