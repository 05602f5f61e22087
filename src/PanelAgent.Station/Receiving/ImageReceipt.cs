namespace PanelAgent.Station.Receiving;

/// <summary>What one image chunk came to at the station.</summary>
/// <param name="Outcome">"image", "partial", "already-received", or why the chunk was refused.</param>
/// <param name="File">The JPEG written, when this chunk completed an image.</param>
/// <param name="Held">The image id to acknowledge to the panel, when the station holds that image.</param>
public sealed record ImageReceipt(string Outcome, string? File, long? Held);
