namespace PanelAgent.Core.Ports;

/// <summary>
/// The last event sequence the capture coordinator has decided on, kept durably so that an alarm persisted just before
/// a crash still gets its pictures after the restart (persist, then act), and no event is decided twice.
/// </summary>
public interface ICaptureCursor
{
    /// <summary>The cursor; on a new store, the newest event sequence, so history is never replayed into captures.</summary>
    long ReadCursor();

    void SaveCursor(long sequence);
}
