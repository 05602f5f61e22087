using System.Globalization;
using System.Text.Json.Nodes;

namespace PanelAgent.Cli.Output;

/// <summary>Human-readable answers of status, zones, selftest, logs, link-test and camera-test.</summary>
internal static class StatusText
{
    public static int Status(JsonObject r, TextWriter o)
    {
        var zones = r["zones"]!.AsObject();
        var storage = r["storage"] as JsonObject;
        var outbox = r["outbox"] as JsonObject;
        TextTable.Pairs(o,
        [
            ("panel", Cell(r, "panel")),
            ("state", Cell(r, "state") + (r["mode"] is null ? "" : $" ({Cell(r, "mode")})")),
            ("zones", $"{zones["total"]} total, {zones["active"]} active, {zones["tamper"]} tamper, {zones["fault"]} fault, {zones["bypassed"]} bypassed"),
            ("faults", TextTable.Cell(r["faults"])),
            ("keypad locked", Cell(r, "keypadLocked")),
            ("link", Cell(r, "link") + (r["linkEndpoint"] is null ? "" : $" ({Cell(r, "linkEndpoint")})")),
            ("clock offset", r["clockOffsetSeconds"] is null ? "-" : $"{Cell(r, "clockOffsetSeconds")} s"),
            ("outbox", outbox is null ? "-" : $"{outbox["pending"]} pending, {outbox["dropped"]} dropped"),
            ("storage", storage?["healthy"]?.GetValue<bool>() == true ? "healthy" : $"UNHEALTHY ({TextTable.Cell(storage?["problem"])}, {TextTable.Cell(storage?["unsavedEvents"])} unsaved)"),
            ("capture restricted", Cell(r, "captureRestricted")),
            ("version", $"{Cell(r, "version")}, schema {Cell(r, "schema")}"),
            ("uptime", Uptime(r["uptimeSeconds"]!.GetValue<double>())),
        ]);
        return CliExitCodes.Ok;
    }

    public static int Zones(JsonObject r, TextWriter o)
    {
        TextTable.Write(o, ["zone", "type", "level", "tamper", "bypassed", "last change"],
            r["zones"]!.AsArray().Select(z => Row(z!, "zone", "type", "level", "tamper", "bypassed", "lastChange")));
        return CliExitCodes.Ok;
    }

    public static int SelfTest(JsonObject r, TextWriter o)
    {
        TextTable.Write(o, ["check", "ok", "detail"], r["checks"]!.AsArray().Select(c => Row(c!, "check", "ok", "detail")));
        var healthy = r["healthy"]!.GetValue<bool>();
        o.WriteLine(healthy ? "healthy" : "UNHEALTHY");
        return healthy ? CliExitCodes.Ok : CliExitCodes.CheckFailed;
    }

    public static int Logs(JsonObject r, TextWriter o)
    {
        foreach (var line in r["lines"]!.AsArray())
        {
            o.WriteLine($"{Cell(line!, "at")} {Cell(line!, "level")[..4].ToUpperInvariant()} {Cell(line!, "category")}[{line!["eventId"]}] {Cell(line!, "message")}");
        }

        return CliExitCodes.Ok;
    }

    public static int LinkTest(JsonObject r, TextWriter o)
    {
        var acknowledged = r["acknowledged"]!.GetValue<bool>();
        TextTable.Pairs(o,
        [
            ("test event", $"RP/602, sequence {Cell(r, "sequence")}"),
            ("acknowledged", Cell(r, "acknowledged")),
            ("round trip", r["roundTripMs"] is null ? "-" : $"{Cell(r, "roundTripMs")} ms"),
            ("problem", Cell(r, "problem")),
        ]);
        return acknowledged ? CliExitCodes.Ok : CliExitCodes.CheckFailed;
    }

    public static int CameraTest(JsonObject r, TextWriter o)
    {
        var cameras = r["cameras"]!.AsArray();
        TextTable.Write(o, ["camera", "frame", "exposure ms", "brightness", "lens covered", "problem"], cameras.Select(c =>
            (IReadOnlyList<string>)[Cell(c!, "camera"), c!["width"] is null ? "-" : $"{c["width"]}x{c["height"]}",
                Cell(c, "exposureMs"), Cell(c, "meanBrightness"), Cell(c, "lensCovered"), Cell(c, "problem")]));
        var good = cameras.All(c => c!["problem"] is null && c["lensCovered"]?.GetValue<bool>() != true);
        return good ? CliExitCodes.Ok : CliExitCodes.CheckFailed;
    }

    internal static string Cell(JsonNode node, string name) => TextTable.Cell(node[name]);

    internal static IReadOnlyList<string> Row(JsonNode node, params string[] names) => [.. names.Select(n => Cell(node, n))];

    private static string Uptime(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Floor(seconds));
        return span.Days > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{span.Days}d {span:hh\\:mm\\:ss}")
            : span.ToString("hh\\:mm\\:ss", CultureInfo.InvariantCulture);
    }
}
