using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PanelAgent.Options;

namespace PanelAgent.Cli;

/// <summary>
/// <c>config validate FILE</c>: panel-agent's own <see cref="ConfigLoader"/>, run here without the agent (the OTA
/// pipeline checks a file before installing it). Each error is shown with its JSON path: <c>Panel:Zones[0]:Id</c>
/// becomes <c>$.Panel.Zones[0].Id</c>.
/// </summary>
internal static partial class ConfigValidation
{
    public static int Run(CliContext context, FileInfo file, bool json)
    {
        if (!file.Exists)
        {
            throw new CliException(CliExitCodes.Usage, $"config validate: no file at '{file.FullName}'");
        }

        IReadOnlyList<string> errors;
        try
        {
            ConfigLoader.Load(file.FullName);
            errors = [];
        }
        catch (ConfigException ex)
        {
            errors = ex.Errors;
        }

        var found = errors.Select(e => Split(e, file.FullName)).ToList();
        if (json)
        {
            context.WriteJson(new JsonObject
            {
                ["file"] = file.FullName,
                ["valid"] = found.Count == 0,
                ["errors"] = new JsonArray([.. found.Select(e => (JsonNode)new JsonObject { ["path"] = e.Path, ["message"] = e.Message })]),
            });
        }
        else if (found.Count == 0)
        {
            context.Output.WriteLine($"{file.FullName}: valid");
        }
        else
        {
            foreach (var (path, message) in found)
            {
                context.Output.WriteLine($"{path}: {message}");
            }

            context.Output.WriteLine($"{found.Count} error(s) in {file.FullName}");
        }

        return found.Count == 0 ? CliExitCodes.Ok : CliExitCodes.ConfigInvalid;
    }

    /// <summary>"Panel:Zones[0]:Id: message" → ("$.Panel.Zones[0].Id", "message"); a file-level error → "$".</summary>
    internal static (string Path, string Message) Split(string error, string file)
    {
        if (error.StartsWith(file, StringComparison.Ordinal))
        {
            return ("$", error[file.Length..].TrimStart(':', ' '));
        }

        var match = ConfigPath().Match(error);
        if (!match.Success)
        {
            return ("$", error);
        }

        var path = NumericSegment().Replace(match.Groups["path"].Value, "[$1]").Replace(':', '.');
        return ("$." + path, match.Groups["message"].Value);
    }

    [GeneratedRegex(@"^(?<path>[A-Za-z][A-Za-z0-9_\[\]:]*): (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex ConfigPath();

    [GeneratedRegex(@":(\d+)(?=:|$)")]
    private static partial Regex NumericSegment();
}
