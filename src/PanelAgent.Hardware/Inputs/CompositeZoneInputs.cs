using PanelAgent.Core.Inputs;
using PanelAgent.Core.Ports;

namespace PanelAgent.Hardware.Inputs;

/// <summary>Several input sources (SoC lines, an expander) behind one <see cref="IZoneInputs"/>.</summary>
public sealed class CompositeZoneInputs : IZoneInputs
{
    private readonly IReadOnlyList<IZoneInputs> _parts;

    /// <summary>Combines <paramref name="parts"/>, which it then owns.</summary>
    public CompositeZoneInputs(IReadOnlyList<IZoneInputs> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _parts = parts;
        Description = string.Join("; ", parts.Select(p => p.Description));
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public void Open(IInputSink sink)
    {
        foreach (IZoneInputs part in _parts)
        {
            part.Open(sink);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<InputSample> ReadAll() => _parts.SelectMany(p => p.ReadAll()).ToList();

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (IZoneInputs part in _parts)
        {
            part.Dispose();
        }
    }
}
