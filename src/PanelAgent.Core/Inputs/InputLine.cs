namespace PanelAgent.Core.Inputs;

/// <summary>Which of a zone's physical inputs an edge came from. Every panel part has a tamper input.</summary>
public enum InputLine
{
    /// <summary>The detector contact / output.</summary>
    Detector,
    /// <summary>The part's tamper switch.</summary>
    Tamper,
}
