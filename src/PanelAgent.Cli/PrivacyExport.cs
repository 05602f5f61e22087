using System.CommandLine;
using System.Text.Json.Nodes;

namespace PanelAgent.Cli;

/// <summary>
/// <c>privacy export --out FILE</c>: the document holds the household's names in full (it is their copy), so it goes
/// to a file only the technician can read (0600), or to stdout when asked with <c>-</c>; the screen shows counts.
/// </summary>
internal static class PrivacyExport
{
    public static async Task<int> RunAsync(CliContext context, ParseResult parse, FileInfo output, CancellationToken token)
    {
        using var client = await AgentClient.ConnectAsync(parse.GetValue(context.Socket)!, token).ConfigureAwait(false);
        var document = await client.RequestAsync("privacy.export", [], null, token).ConfigureAwait(false);
        if (output.Name == "-")
        {
            context.WriteJson(document);
            return CliExitCodes.Ok;
        }

        var options = new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await using (var file = new StreamWriter(output.FullName, options))
        {
            await file.WriteLineAsync(CliContext.Compact(document)).ConfigureAwait(false);
        }

        var summary = new JsonObject
        {
            ["file"] = output.FullName,
            ["users"] = Count(document, "users"),
            ["armDisarmLog"] = Count(document, "armDisarmLog"),
            ["alarmHistory"] = Count(document, "alarmHistory"),
            ["accessLog"] = Count(document, "accessLog"),
            ["images"] = Count(document, "images"),
        };
        if (parse.GetValue(context.Json))
        {
            context.WriteJson(summary);
        }
        else
        {
            context.Output.WriteLine($"wrote {output.FullName} (mode 0600): {summary["users"]} user(s), " +
                $"{summary["armDisarmLog"]} arm/disarm entr(y/ies), {summary["alarmHistory"]} alarm history entr(y/ies), " +
                $"{summary["accessLog"]} access-log entr(y/ies), {summary["images"]} image(s)");
        }

        return CliExitCodes.Ok;
    }

    private static int Count(JsonObject document, string name) => document[name] is JsonArray array ? array.Count : 0;
}
