using System.Text.Json.Serialization;

namespace PanelAgent.Faults;

/// <summary>One line of the campaign's table.</summary>
internal sealed record FaultRow(
    [property: JsonPropertyName("fault")] string Fault,
    [property: JsonPropertyName("runs")] int Runs,
    [property: JsonPropertyName("generated")] long Generated,
    [property: JsonPropertyName("atStation")] long AtStation,
    [property: JsonPropertyName("lost")] long Lost,
    [property: JsonPropertyName("duplicated")] long Duplicated,
    [property: JsonPropertyName("worstRecoverySeconds")] double WorstRecoverySeconds,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("notes")] string Notes)
{
    /// <summary>Of <see cref="Lost"/>: events the station committed to its database and never printed.</summary>
    [JsonPropertyName("committedNotPrinted")]
    public long CommittedNotPrinted { get; init; }

    /// <summary>Nothing lost, nothing printed twice, and the row ran to its end.</summary>
    [JsonIgnore]
    public bool Passed => Lost == 0 && Duplicated == 0 && Error is null;
}
