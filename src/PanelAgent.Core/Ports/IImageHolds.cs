namespace PanelAgent.Core.Ports;

/// <summary>
/// The police hold of P6: keep one alarm's verification images longer than the 7 days, at most 30 days from capture.
/// Asked for by an authenticated station command.
/// </summary>
public interface IImageHolds
{
    /// <summary>
    /// Holds the images of the alarm logged at <paramref name="alarmSequence"/> for <paramref name="days"/> days from
    /// their capture (1–30). Null when held; otherwise a short machine-readable reason, e.g. <c>no-images</c>.
    /// </summary>
    string? Hold(long alarmSequence, int days);
}
