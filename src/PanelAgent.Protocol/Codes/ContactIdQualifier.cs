namespace PanelAgent.Protocol.Codes;

/// <summary>The Contact ID event qualifier (SIA DC-05): the first digit of <c>QEEE</c>.</summary>
public enum ContactIdQualifier
{
    /// <summary>1: a new event, or an opening (disarm).</summary>
    NewEvent = 1,
    /// <summary>3: a restore, or a closing (arm).</summary>
    Restore = 3,
}
