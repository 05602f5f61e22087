namespace PanelAgent.Core.Capture;

/// <summary>The result of one <see cref="CapturePolicy.Decide"/>: the next state and what to do, in order.</summary>
public sealed record CaptureStep(CaptureState Next, IReadOnlyList<CaptureDecision> Decisions);
