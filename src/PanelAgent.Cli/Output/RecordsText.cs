using System.Text.Json.Nodes;

namespace PanelAgent.Cli.Output;

/// <summary>Human-readable answers of events, walk-test, users, privacy and audit.</summary>
internal static class RecordsText
{
    public static int Events(JsonObject r, TextWriter o)
    {
        var events = r["events"]!.AsArray();
        TextTable.Write(o, ["seq", "at", "kind", "zone", "user", "detail"],
            events.Select(e => StatusText.Row(e!, "seq", "at", "kind", "zone", "user", "detail")));
        o.WriteLine($"{events.Count} event(s) from the {StatusText.Cell(r, "log")} log(s)");
        return CliExitCodes.Ok;
    }

    public static Task WalkProgress(JsonObject p, TextWriter o)
    {
        if (p["walkTest"] is not null)
        {
            o.WriteLine($"walk test started: {StatusText.Cell(p, "durationSeconds")} s, ends at {StatusText.Cell(p, "endsAt")}; walk past every zone");
        }
        else
        {
            o.WriteLine($"{StatusText.Cell(p, "at")}  {StatusText.Cell(p, "zone"),-24}  {StatusText.Cell(p, "level")}");
        }

        return o.FlushAsync();
    }

    public static int WalkSummary(JsonObject r, TextWriter o)
    {
        o.WriteLine($"walk test ended: {StatusText.Cell(r, "ended")}");
        TextTable.Write(o, ["zone", "trips"], r["tripped"]!.AsArray().Select(t => StatusText.Row(t!, "zone", "trips")));
        o.WriteLine($"not tripped: {TextTable.Cell(r["notTripped"])}");
        return CliExitCodes.Ok;
    }

    public static int Users(JsonObject r, TextWriter o)
    {
        TextTable.Write(o, ["user", "initials", "duress", "code"],
            r["users"]!.AsArray().Select(u => StatusText.Row(u!, "number", "initials", "duress", "code")));
        return CliExitCodes.Ok;
    }

    public static int UserChanged(JsonObject r, TextWriter o)
    {
        var line = r switch
        {
            _ when r["added"] is JsonObject added => $"user {added["number"]} added",
            _ when r["removed"] is not null => $"user {r["removed"]} removed",
            _ => $"code of user {r["changed"]} changed",
        };
        o.WriteLine(line);
        return CliExitCodes.Ok;
    }

    public static int Erased(JsonObject r, TextWriter o)
    {
        var erased = r["erased"]!.AsObject();
        o.WriteLine($"erased: {erased["userLabels"]} user label(s), {erased["armDisarmEntries"]} arm/disarm entr(y/ies), {erased["events"]} event(s), {erased["exports"]?.ToString() ?? "0"} export file(s)");
        TextTable.Write(o, ["kept", "why"], r["kept"]!.AsArray().Select(k => StatusText.Row(k!, "what", "why")));
        return CliExitCodes.Ok;
    }

    public static int Restriction(JsonObject r, TextWriter o)
    {
        var restricted = r["captureRestricted"]!.GetValue<bool>();
        o.WriteLine(restricted ? "image capture is restricted: no camera captures until lifted" : "image capture restriction lifted");
        if (r["persisted"]?.GetValue<bool>() == false)
        {
            o.WriteLine("warning: not stored (database failing); a restart would undo it");
        }

        return CliExitCodes.Ok;
    }

    public static int Audit(JsonObject r, TextWriter o)
    {
        var intact = r["intact"]!.GetValue<bool>();
        if (intact)
        {
            o.WriteLine($"access log intact: {r["entries"]} entr(y/ies), sequences {r["firstSequence"]}..{r["lastSequence"]}, {r["pruned"]} pruned by retention");
            o.WriteLine($"head hash: {StatusText.Cell(r, "headHash")}");
        }
        else
        {
            o.WriteLine($"ACCESS LOG BROKEN at entry {StatusText.Cell(r, "badSequence")}: {StatusText.Cell(r, "problem")}");
        }

        return intact ? CliExitCodes.Ok : CliExitCodes.CheckFailed;
    }
}
