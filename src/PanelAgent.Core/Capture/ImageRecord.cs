namespace PanelAgent.Core.Capture;

/// <summary>
/// What is known about one image besides its bytes: the alarm it belongs to (the sequence of the alarm event, or of
/// <c>entry.started</c> for a sabotage check), the zone, the camera, its place in the burst and why it was taken.
/// <paramref name="Withheld"/>: a sabotage-check frame that stays on the panel until the disarm's verdict (P3).
/// </summary>
public sealed record ImageRecord(
    long AlarmSeq, string? Zone, string Camera, int Frame, CaptureReason Reason, bool Withheld, DateTimeOffset CapturedAt,
    int Width, int Height);
