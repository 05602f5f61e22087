using System.Text.Json.Serialization;
using PanelAgent.Core.State;

namespace PanelAgent.Storage.Serialization;

/// <summary>
/// Source-generated (no reflection, trimming-safe) JSON for <see cref="PanelState"/>. Enums as names, so a reordered
/// enum cannot change a stored phase; read-only members (NextDeadline) are derived and not stored; nulls in
/// non-nullable members make the state unreadable instead of leaking a null list into the engine. Unknown members
/// written by a newer release are skipped (the default), which keeps an older release able to read the state.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(PanelState))]
internal sealed partial class PanelStateJsonContext : JsonSerializerContext;
