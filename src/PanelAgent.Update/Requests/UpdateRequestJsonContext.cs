using System.Text.Json.Serialization;

namespace PanelAgent.Update.Requests;

/// <summary>Source-generated JSON for the request and result files.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(UpdateRequest))]
[JsonSerializable(typeof(UpdateRequestResult))]
internal sealed partial class UpdateRequestJsonContext : JsonSerializerContext;
