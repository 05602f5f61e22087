using System.Text.Json.Serialization;

namespace PanelAgent.Protocol.Payloads;

/// <summary>Source-generated JSON for payloads: no reflection, camelCase names, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventPayload))]
[JsonSerializable(typeof(AckPayload))]
[JsonSerializable(typeof(StatusPayload))]
[JsonSerializable(typeof(CommandPayload))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
