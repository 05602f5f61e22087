using System.Text.Json.Serialization;

namespace PanelAgent.Update.Manifest;

/// <summary>Source-generated JSON (trimming and AOT safe) for the manifest and the update journal.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ReleaseManifest))]
[JsonSerializable(typeof(Journal.JournalEntry))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
