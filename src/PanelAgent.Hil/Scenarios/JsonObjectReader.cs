using System.Text.Json;

namespace PanelAgent.Hil.Scenarios;

/// <summary>
/// Strict reading of one JSON object: every field must be asked for by name, with the right type; whatever is
/// left over is an error (<see cref="RejectUnknown"/>), so a misspelt field fails instead of being ignored.
/// Messages never quote a field's value, since that value may be a code.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly ParseContext _context;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public JsonObjectReader(JsonElement element, ParseContext context, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw context.Error(null, $"{what} must be a JSON object");
        }

        _element = element;
        _context = context;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw context.Error(property.Name, $"duplicate field \"{property.Name}\"");
            }
        }
    }

    public ParseContext Context => _context;

    public IEnumerable<string> Names => _element.EnumerateObject().Select(p => p.Name);

    public ScenarioFormatException Error(string field, string detail) => _context.Error(field, detail);

    public JsonElement? Take(string name)
    {
        _taken.Add(name);
        return _element.TryGetProperty(name, out var value) ? value : null;
    }

    public JsonElement Require(string name) => Take(name) ?? throw Error(name, $"missing field \"{name}\"");

    public string RequiredString(string name) => AsString(name, Require(name));

    public string? OptionalString(string name) => Take(name) is { } value ? AsString(name, value) : null;

    public bool? OptionalBool(string name) => Take(name) is { } value ? AsBool(name, value) : null;

    public bool RequiredBool(string name) => AsBool(name, Require(name));

    public int? OptionalInt(string name) =>
        Take(name) is not { } value ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i
        : throw Error(name, $"field \"{name}\" must be an integer");

    public decimal? OptionalNumber(string name) =>
        Take(name) is not { } value ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) ? d
        : throw Error(name, $"field \"{name}\" must be a number");

    public IReadOnlyList<string> OptionalStringArray(string name)
    {
        if (Take(name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(name, $"field \"{name}\" must be an array of strings");
        }

        return [.. value.EnumerateArray().Select(item => AsString(name, item))];
    }

    public T RequiredChoice<T>(string name, IReadOnlyDictionary<string, T> choices)
    {
        var text = RequiredString(name);
        return choices.TryGetValue(text, out var choice)
            ? choice
            : throw Error(name, $"field \"{name}\" must be one of {string.Join(", ", choices.Keys)} (got \"{text}\")");
    }

    public IsoDuration RequiredDuration(string name) => AsDuration(name, RequiredString(name));

    public IsoDuration? OptionalDuration(string name) => OptionalString(name) is { } text ? AsDuration(name, text) : null;

    /// <summary>Fails on the first field nobody asked for.</summary>
    public void RejectUnknown()
    {
        var unknown = Names.FirstOrDefault(n => !_taken.Contains(n));
        if (unknown is not null)
        {
            throw Error(unknown, $"unknown field \"{unknown}\"");
        }
    }

    private string AsString(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error(name, $"field \"{name}\" must be a string");
        }

        var text = value.GetString()!;
        return text.Length > 0 ? text : throw Error(name, $"field \"{name}\" must not be empty");
    }

    private bool AsBool(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error(name, $"field \"{name}\" must be true or false"),
    };

    private IsoDuration AsDuration(string name, string text) =>
        IsoDuration.TryParse(text, out var duration)
            ? duration
            : throw Error(name, $"field \"{name}\": \"{text}\" is not an ISO 8601 duration (PnYnMnDTnHnMnS)");
}
