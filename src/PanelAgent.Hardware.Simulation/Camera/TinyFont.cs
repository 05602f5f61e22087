namespace PanelAgent.Hardware.Simulation.Camera;

/// <summary>
/// A 3×5 bitmap font of our own for the simulated camera's label (SixLabors.ImageSharp.Drawing is not available):
/// digits, a-z and ":-. ". Each glyph is 5 rows of 3 bits, top row first, most significant bit leftmost.
/// </summary>
internal static class TinyFont
{
    public const int Width = 3;
    public const int Height = 5;

    private static readonly Dictionary<char, int[]> s_glyphs = new()
    {
        ['0'] = [7, 5, 5, 5, 7], ['1'] = [2, 6, 2, 2, 7], ['2'] = [7, 1, 7, 4, 7], ['3'] = [7, 1, 7, 1, 7],
        ['4'] = [5, 5, 7, 1, 1], ['5'] = [7, 4, 7, 1, 7], ['6'] = [7, 4, 7, 5, 7], ['7'] = [7, 1, 1, 2, 2],
        ['8'] = [7, 5, 7, 5, 7], ['9'] = [7, 5, 7, 1, 7], [':'] = [0, 2, 0, 2, 0], ['-'] = [0, 0, 7, 0, 0],
        ['.'] = [0, 0, 0, 0, 2], [' '] = [0, 0, 0, 0, 0],
        ['a'] = [2, 5, 7, 5, 5], ['b'] = [6, 5, 6, 5, 6], ['c'] = [7, 4, 4, 4, 7], ['d'] = [6, 5, 5, 5, 6],
        ['e'] = [7, 4, 6, 4, 7], ['f'] = [7, 4, 6, 4, 4], ['g'] = [7, 4, 5, 5, 7], ['h'] = [5, 5, 7, 5, 5],
        ['i'] = [7, 2, 2, 2, 7], ['j'] = [1, 1, 1, 5, 7], ['k'] = [5, 5, 6, 5, 5], ['l'] = [4, 4, 4, 4, 7],
        ['m'] = [5, 7, 7, 5, 5], ['n'] = [6, 5, 5, 5, 5], ['o'] = [7, 5, 5, 5, 7], ['p'] = [7, 5, 7, 4, 4],
        ['q'] = [7, 5, 5, 7, 1], ['r'] = [6, 5, 6, 5, 5], ['s'] = [7, 4, 7, 1, 7], ['t'] = [7, 2, 2, 2, 2],
        ['u'] = [5, 5, 5, 5, 7], ['v'] = [5, 5, 5, 5, 2], ['w'] = [5, 5, 7, 7, 5], ['x'] = [5, 5, 2, 5, 5],
        ['y'] = [5, 5, 2, 2, 2], ['z'] = [7, 1, 2, 4, 7],
    };

    /// <summary>Whether the pixel (x, y) of <paramref name="c"/>'s glyph is set; unknown characters draw as blanks.</summary>
    public static bool IsSet(char c, int x, int y) =>
        s_glyphs.TryGetValue(char.ToLowerInvariant(c), out var rows) && ((rows[y] >> (Width - 1 - x)) & 1) == 1;
}
