using System.CommandLine;
using System.Text.Json.Nodes;
using PanelAgent.Cli.Output;
using PanelAgent.Storage.AccessLog;

namespace PanelAgent.Cli;

/// <summary>Users, configuration, privacy rights and the access-log audit.</summary>
internal static partial class CommandTree
{
    private static Command Users(CliContext context)
    {
        var users = new Command("users", "Keypad users by number, names redacted (list when no subcommand)");
        users.SetAction((parse, token) => context.CallAsync(parse, "users.list", [], RecordsText.Users, null, token));
        var list = new Command("list", "List users: number, initials, duress, whether a code is set");
        list.SetAction((parse, token) => context.CallAsync(parse, "users.list", [], RecordsText.Users, null, token));

        var number = new Argument<int>("number") { Description = "The user number" };
        var label = new Option<string?>("--label") { Description = "A label for the user (personal data: shown only as initials)" };
        var duress = new Option<bool>("--duress") { Description = "This user's code disarms and silently raises alarm.duress" };
        var add = new Command("add", "Enrol a user; the code is read from the terminal (or one line of stdin)") { number, label, duress };
        add.SetAction((parse, token) => context.CallAsync(parse, "users.add", new JsonObject
        {
            ["number"] = parse.GetValue(number), ["label"] = parse.GetValue(label), ["duress"] = parse.GetValue(duress),
            ["code"] = context.ReadCode("new code"),
        }, RecordsText.UserChanged, null, token));

        var removeNumber = new Argument<int>("number") { Description = "The user number" };
        var remove = new Command("remove", "Remove a user; their code stops working at once") { removeNumber };
        remove.SetAction((parse, token) => context.CallAsync(parse, "users.remove",
            new JsonObject { ["number"] = parse.GetValue(removeNumber) }, RecordsText.UserChanged, null, token));

        var changeNumber = new Argument<int>("number") { Description = "The user number" };
        var change = new Command("change-code", "Change a code with the old code (read from the terminal or stdin: old, then new)") { changeNumber };
        change.SetAction((parse, token) => context.CallAsync(parse, "users.change-code", new JsonObject
        {
            ["number"] = parse.GetValue(changeNumber), ["oldCode"] = context.ReadCode("old code"), ["newCode"] = context.ReadCode("new code"),
        }, RecordsText.UserChanged, null, token));

        users.Subcommands.Add(list);
        users.Subcommands.Add(add);
        users.Subcommands.Add(remove);
        users.Subcommands.Add(change);
        return users;
    }

    private static Command Config(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The panel configuration (JSON) to check" };
        var validate = new Command("validate", "Validate a configuration file as panel-agent would; errors name their JSON path") { file };
        validate.SetAction(parse => ConfigValidation.Run(context, parse.GetValue(file)!, parse.GetValue(context.Json)));
        var config = new Command("config", "Configuration files");
        config.Subcommands.Add(validate);
        return config;
    }

    private static Command Privacy(CliContext context)
    {
        var output = new Option<FileInfo>("--out") { Description = "Where to write the JSON document (mode 0600); '-' for stdout", Required = true };
        var export = new Command("export", "Every piece of personal data the panel holds, as one JSON document") { output };
        export.SetAction((parse, token) => PrivacyExport.RunAsync(context, parse, parse.GetValue(output)!, token));

        var yes = new Option<bool>("--yes") { Description = "Confirm: erasure cannot be undone" };
        var erase = new Command("erase", "Erase personal data, keeping what the law requires (and saying what and why)") { yes };
        erase.SetAction((parse, token) => parse.GetValue(yes)
            ? context.CallAsync(parse, "privacy.erase", [], RecordsText.Erased, null, token)
            : throw new CliException(CliExitCodes.Usage, "privacy erase cannot be undone: add --yes to confirm"));

        var restrict = new Command("restrict", "Stop image capture on this panel until lifted (persisted)");
        restrict.SetAction((parse, token) => context.CallAsync(parse, "privacy.restrict", [], RecordsText.Restriction, null, token));
        var lift = new Command("lift", "Lift the image-capture restriction");
        lift.SetAction((parse, token) => context.CallAsync(parse, "privacy.lift", [], RecordsText.Restriction, null, token));

        var privacy = new Command("privacy", "The household's privacy rights: export, erase, restrict");
        privacy.Subcommands.Add(export);
        privacy.Subcommands.Add(erase);
        privacy.Subcommands.Add(restrict);
        privacy.Subcommands.Add(lift);
        return privacy;
    }

    private static Command Audit(CliContext context)
    {
        var database = new Option<FileInfo?>("--db") { Description = "Verify this database file directly instead of asking the agent" };
        var verify = new Command("verify", "Check the access log's hash chain: exit 2 when an entry was removed, altered or reordered") { database };
        verify.SetAction((parse, token) => parse.GetValue(database) is { } file
            ? Task.FromResult(VerifyFile(context, file, parse.GetValue(context.Json)))
            : context.CallAsync(parse, "audit.verify", [], RecordsText.Audit, null, token));
        var audit = new Command("audit", "The access log");
        audit.Subcommands.Add(verify);
        return audit;
    }

    private static int VerifyFile(CliContext context, FileInfo file, bool json)
    {
        if (!file.Exists)
        {
            throw new CliException(CliExitCodes.Usage, $"--db: no file at '{file.FullName}'");
        }

        AccessLogVerification result;
        try
        {
            result = AccessLogVerifier.VerifyFile(file.FullName);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            throw new CliException(CliExitCodes.CheckFailed, $"--db: cannot read the access log of '{file.FullName}': {ex.Message}");
        }

        var answer = new JsonObject
        {
            ["intact"] = result.Intact, ["entries"] = result.Entries, ["firstSequence"] = result.FirstSequence,
            ["lastSequence"] = result.LastSequence, ["pruned"] = result.Pruned, ["headHash"] = result.HeadHash,
            ["problem"] = result.Problem, ["badSequence"] = result.BadSequence,
        };
        if (json)
        {
            context.WriteJson(answer);
        }

        return RecordsText.Audit(answer, json ? TextWriter.Null : context.Output);
    }
}
