using Microsoft.Extensions.Logging;

namespace PanelAgent.Core.Capture;

/// <summary>Log messages of the capture coordinator (EventIds 6000-6049). Camera and alarm ids only, never image bytes.</summary>
internal static partial class CaptureLog
{
    [LoggerMessage(6000, LogLevel.Information, "Capture: {Frames} frame(s) from {Camera} for alarm {AlarmSeq} ({Reason})")]
    public static partial void Captured(ILogger logger, int frames, string camera, long alarmSeq, CaptureReason reason);

    [LoggerMessage(6001, LogLevel.Warning, "Camera {Camera}: {Problem}")]
    public static partial void CameraProblem(ILogger logger, string camera, string problem);

    [LoggerMessage(6002, LogLevel.Warning, "Camera {Camera} looks covered or blinded (alarm {AlarmSeq})")]
    public static partial void LensCovered(ILogger logger, string camera, long alarmSeq);

    [LoggerMessage(6003, LogLevel.Information, "Picture request from {Actor} for {Camera} refused: {Why}")]
    public static partial void Refused(ILogger logger, string actor, string camera, string why);

    [LoggerMessage(6004, LogLevel.Information, "Sabotage-check frames of {AlarmSeq}: {Verdict} ({Why}), {Count} image(s)")]
    public static partial void Verdict(ILogger logger, long alarmSeq, string verdict, string why, int count);

    [LoggerMessage(6005, LogLevel.Error, "Image storage failed; the alarm goes on without pictures")]
    public static partial void StorageFailed(ILogger logger, Exception exception);

    [LoggerMessage(6006, LogLevel.Error, "Capture coordinator failed on one pass; it carries on")]
    public static partial void PassFailed(ILogger logger, Exception exception);
}
