namespace PanelAgent.Core.Capture;

/// <summary>
/// One camera as the capture policy sees it: ids only, no device paths. Every list names zones of the panel.
/// </summary>
/// <param name="Id">Stable camera id (e.g. "hall-cam"); never a person's name.</param>
/// <param name="Zone">The camera-PIR zone the camera sits in, when it is one; an intrusion alarm there captures (P1).</param>
/// <param name="Follows">Other camera-PIR zones whose intrusion alarm this camera also captures (P1).</param>
/// <param name="VerifiesFire">Fire zones whose smoke this camera captures so the station can verify it (P2).</param>
/// <param name="Covers">Panic, SOS and silent zones this camera captures, when the panel allows it for that type (P4).</param>
/// <param name="SabotageCheck">The camera takes the disarm sabotage-check frames, when the panel enables the check (P3).</param>
public sealed record CameraDefinition(
    string Id,
    string? Zone,
    IReadOnlyList<string> Follows,
    IReadOnlyList<string> VerifiesFire,
    IReadOnlyList<string> Covers,
    bool SabotageCheck)
{
    public static CameraDefinition InZone(string id, string zone) => new(id, zone, [], [], [], false);
}
