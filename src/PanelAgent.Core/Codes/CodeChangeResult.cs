namespace PanelAgent.Core.Codes;

/// <summary>The outcome of a code change. Messages never include a code.</summary>
public enum CodeChangeResult
{
    Changed,
    UnknownUser,
    WrongOldCode,
    WeakCode,
    CodeInUse,
}
