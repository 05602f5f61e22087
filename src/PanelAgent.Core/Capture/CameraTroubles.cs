namespace PanelAgent.Core.Capture;

/// <summary>The trouble kind of a camera that failed, sent a corrupt frame, or was found covered: <c>trouble.camera</c>.</summary>
public static class CameraTroubles
{
    public const string Kind = "camera";
}
