using System.Globalization;

namespace PanelAgent.Core.Capture;

/// <summary>A frame resolution. Only the sizes in <see cref="Supported"/> are configurable.</summary>
public readonly record struct FrameSize(int Width, int Height)
{
    public static readonly FrameSize Qvga = new(320, 240);
    public static readonly FrameSize Vga = new(640, 480);
    public static readonly FrameSize Hd = new(1280, 720);

    public static IReadOnlyList<FrameSize> Supported { get; } = [new(160, 120), Qvga, Vga, new(800, 600), Hd];

    /// <summary>Parses "640x480" (or "640×480"); false for anything not in <see cref="Supported"/>.</summary>
    public static bool TryParse(string? text, out FrameSize size)
    {
        size = default;
        var parts = text?.Split('x', '×', 'X');
        if (parts is not [var w, var h]
            || !int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            return false;
        }

        size = new FrameSize(width, height);
        return Supported.Contains(size);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}");
}
