using System.Globalization;

namespace PanelAgent.Protocol.Codes;

/// <summary>
/// How one event kind is reported to alarm-station software: its SIA DC-03 event code and its Contact ID (SIA DC-05)
/// event code and qualifier; or, for kinds that no station vocabulary has a code for, the reason it is not reported.
/// </summary>
public sealed record EventCode
{
    private EventCode(string? sia, int? cidEvent, ContactIdQualifier? qualifier, string? notReportedBecause)
    {
        Sia = sia;
        CidEvent = cidEvent;
        Qualifier = qualifier;
        NotReportedBecause = notReportedBecause;
    }

    /// <summary>Two-letter SIA DC-03 code, e.g. <c>BA</c>; null when not reported.</summary>
    public string? Sia { get; }

    /// <summary>Three-digit Contact ID event code, e.g. 130; null when not reported.</summary>
    public int? CidEvent { get; }

    public ContactIdQualifier? Qualifier { get; }

    /// <summary>Why the kind carries no station code; null when it is reported.</summary>
    public string? NotReportedBecause { get; }

    public bool IsReported => Sia is not null;

    /// <summary>The Contact ID <c>QEEE</c> part, e.g. <c>1130</c> (new burglary) or <c>3401</c> (closing).</summary>
    public string? Cid => IsReported
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)Qualifier!}{CidEvent:000}")
        : null;

    public static EventCode Reported(string sia, int cidEvent, ContactIdQualifier qualifier) =>
        new(sia, cidEvent, qualifier, null);

    public static EventCode NotReported(string because) => new(null, null, null, because);
}
