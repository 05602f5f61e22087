namespace PanelAgent.Core.Capture;

/// <summary>Why a camera captured: each value is one rule of PRIVACY.md P1-P5, and nothing else captures.</summary>
public enum CaptureReason
{
    /// <summary>P1: a triggered intrusion alarm from a camera-PIR zone.</summary>
    Intrusion,
    /// <summary>P2: smoke in a fire zone the camera verifies.</summary>
    Fire,
    /// <summary>P4: a panic/SOS alarm, where configured.</summary>
    Panic,
    /// <summary>P4: a silent alarm, where configured.</summary>
    Silent,
    /// <summary>P3: the disarm sabotage check during the entry delay; frames are held on the panel.</summary>
    Sabotage,
    /// <summary>P5: a station or technician request while an alarm is active.</summary>
    Request,
}
