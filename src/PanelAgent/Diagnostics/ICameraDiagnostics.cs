namespace PanelAgent.Diagnostics;

/// <summary>
/// What panelctl asks of the cameras (implemented by the camera's owner and registered in DI; absent means "not
/// configured"). The test frame is measured and discarded on the panel: no image byte ever leaves it (P5). A test
/// capture is allowed only because it is never stored or sent; the implementation must keep it so.
/// </summary>
public interface ICameraDiagnostics
{
    Task<IReadOnlyList<CameraTestResult>> TestAsync(CancellationToken cancellationToken);
}

/// <param name="Camera">The camera's id (its zone id for a camera-PIR).</param>
/// <param name="Width">Frame width in pixels, or null when no frame came.</param>
/// <param name="Height">Frame height in pixels, or null.</param>
/// <param name="Exposure">Exposure time of the test frame, or null.</param>
/// <param name="MeanBrightness">Mean luma 0-255 of the test frame, or null.</param>
/// <param name="LensCovered">The covered-lens verdict for the test frame.</param>
/// <param name="Problem">Why there is no frame, or null.</param>
public sealed record CameraTestResult(string Camera, int? Width, int? Height, TimeSpan? Exposure, double? MeanBrightness,
    bool LensCovered, string? Problem);
