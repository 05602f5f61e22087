using System.Globalization;
using System.Text.Json;
using PanelAgent.Hardware.Options;
using PanelAgent.Hil.Scenarios;

namespace PanelAgent.Hil.Rig;

/// <summary>
/// Reads a rig map strictly (unknown fields, wrong types, missing fields are errors naming the JSON path), resolves
/// its paths against the map's folder, then checks it against the panel file it names: <see cref="RigMapChecks"/>.
/// </summary>
public static class RigMapLoader
{
    private static readonly string[] s_rootFields =
        ["panel", "panelId", "station", "gpio", "advanceCap", "deliveryGrace", "commandTimeout", "drives", "watches", "note"];

    public static RigMap Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RigMapException(path, "$", "cannot read: " + ex.Message);
        }
        catch (JsonException ex)
        {
            throw new RigMapException(path, "$", $"not valid JSON (line {ex.LineNumber + 1})");
        }

        using (document)
        {
            var map = Parse(new Node(path, "$", document.RootElement), Path.GetDirectoryName(Path.GetFullPath(path))!);
            return map with { Panel = RigMapChecks.AgainstPanel(map) };
        }
    }

    private static RigMap Parse(Node root, string folder)
    {
        root.OnlyFields(s_rootFields);
        var gpio = root.Field("gpio", required: false) is { } g ? Gpio(g) : new GpioOptions();
        var drives = root.Field("drives")!.Items().Select(Drive).ToList();
        var watches = root.Field("watches", required: false)?.Items().Select(Watch).ToList() ?? [];
        return new RigMap(root.Source, ExistingFile(root, "panel", folder), root.Field("panelId")!.Text(),
            ExistingFile(root, "station", folder), gpio, drives, watches)
        {
            AdvanceCap = root.Field("advanceCap", required: false)?.Duration() ?? TimeSpan.FromMinutes(10),
            DeliveryGrace = root.Field("deliveryGrace", required: false)?.Duration() ?? TimeSpan.FromSeconds(3),
            CommandTimeout = root.Field("commandTimeout", required: false)?.Duration() ?? TimeSpan.FromSeconds(15),
        };
    }

    private static GpioOptions Gpio(Node node)
    {
        node.OnlyFields(["driver", "chip", "allowSysfs"]);
        var options = new GpioOptions
        {
            Driver = node.Field("driver", required: false)?.Text() ?? GpioDriverNames.Auto,
            Chip = node.Field("chip", required: false)?.Integer(0, 255) ?? 0,
            AllowSysfs = node.Field("allowSysfs", required: false)?.Bool() ?? false,
        };
        return GpioDriverNames.All.Contains(options.Driver)
            ? options
            : throw node.Field("driver")!.Error($"one of {string.Join(", ", GpioDriverNames.All)}");
    }

    private static RigDrive Drive(Node node)
    {
        node.OnlyFields(["line", "zone", "signal", "activeLevel", "note"]);
        var signal = node.Field("signal")!.Text() switch
        {
            "detector" => RigSignal.Detector,
            "tamper" => RigSignal.Tamper,
            "fault" => RigSignal.Fault,
            _ => throw node.Field("signal")!.Error("one of detector, tamper, fault"),
        };
        return new RigDrive(node.Field("line")!.Integer(0, 1023), node.Field("zone")!.Text(), signal, ActiveLow(node));
    }

    private static RigWatch Watch(Node node)
    {
        node.OnlyFields(["line", "output", "activeLevel", "note"]);
        var output = node.Field("output")!.Text();
        return output is "siren" or "lock" or "plug"
            ? new RigWatch(node.Field("line")!.Integer(0, 1023), output, ActiveLow(node))
            : throw node.Field("output")!.Error("one of siren, lock, plug");
    }

    private static bool ActiveLow(Node node) => node.Field("activeLevel")!.Text() switch
    {
        "low" => true,
        "high" => false,
        _ => throw node.Field("activeLevel")!.Error("low or high"),
    };

    private static string ExistingFile(Node root, string field, string folder)
    {
        var full = Path.GetFullPath(root.Field(field)!.Text(), folder);
        return File.Exists(full) ? full : throw root.Field(field)!.Error($"no such file {full}");
    }

    /// <summary>A JSON value and where it is, so every error names its path.</summary>
    private sealed record Node(string Source, string Path, JsonElement Value)
    {
        public RigMapException Error(string detail) => new(Source, Path, detail);

        public Node? Field(string name, bool required = true)
        {
            if (Value.ValueKind != JsonValueKind.Object)
            {
                throw Error("must be a JSON object");
            }

            return Value.TryGetProperty(name, out var v) ? new Node(Source, $"{Path}.{name}", v)
                : required ? throw Error($"missing field \"{name}\"") : null;
        }

        public void OnlyFields(IReadOnlyCollection<string> known)
        {
            if (Value.ValueKind != JsonValueKind.Object)
            {
                throw Error("must be a JSON object");
            }

            if (Value.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !known.Contains(n)) is { } unknown)
            {
                throw new RigMapException(Source, $"{Path}.{unknown}", "unknown field");
            }
        }

        public IEnumerable<Node> Items() => Value.ValueKind == JsonValueKind.Array
            ? Value.EnumerateArray().Select((v, i) => new Node(Source, $"{Path}[{i.ToString(CultureInfo.InvariantCulture)}]", v)).ToList()
            : throw Error("must be an array");

        public string Text() => Value.ValueKind == JsonValueKind.String && Value.GetString() is { Length: > 0 } s
            ? s : throw Error("must be a non-empty string");

        public bool Bool() => Value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? Value.GetBoolean() : throw Error("must be true or false");

        public int Integer(int min, int max) =>
            Value.ValueKind == JsonValueKind.Number && Value.TryGetInt32(out var i) && i >= min && i <= max
                ? i : throw Error($"must be a whole number from {min} to {max}");

        /// <summary>An ISO 8601 duration without years or months: a rig waits in fixed time.</summary>
        public TimeSpan Duration() =>
            IsoDuration.TryParse(Text(), out var d) && d is { Years: 0, Months: 0 } && d.ResolveFrom(default) > TimeSpan.Zero
                ? d.ResolveFrom(default) : throw Error("must be a positive ISO 8601 duration in days, hours, minutes or seconds (PT30S)");
    }
}
