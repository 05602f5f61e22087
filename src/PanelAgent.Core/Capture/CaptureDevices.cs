using PanelAgent.Core.Ports;

namespace PanelAgent.Core.Capture;

/// <summary>The cameras by id, and the encoder that turns their frames into JPEGs.</summary>
public sealed record CaptureDevices(IReadOnlyDictionary<string, ICamera> Cameras, IFrameEncoder Encoder);
