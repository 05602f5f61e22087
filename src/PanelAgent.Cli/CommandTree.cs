using System.CommandLine;
using System.Text.Json.Nodes;
using PanelAgent.Cli.Output;

namespace PanelAgent.Cli;

/// <summary>panelctl's commands: the panel's state and tests. Users, privacy, audit and config are in the other half.</summary>
internal static partial class CommandTree
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("panelctl: field diagnostics for a PanelAgent alarm panel (root or group panel-tech)");
        root.Options.Add(context.Json);
        root.Options.Add(context.Socket);
        root.Subcommands.Add(Simple(context, "status", "State, zones, faults, link, outbox, storage, versions, uptime", StatusText.Status));
        root.Subcommands.Add(Simple(context, "zones", "Every zone: live level, tamper, bypass, last change", StatusText.Zones));
        root.Subcommands.Add(Events(context));
        root.Subcommands.Add(WalkTest(context));
        root.Subcommands.Add(Simple(context, "link-test", "Send a test event (RP/602); show the station's acknowledgement and round trip", StatusText.LinkTest));
        root.Subcommands.Add(Simple(context, "camera-test", "Frame size, exposure and lens-covered verdict of each camera (never the image)", StatusText.CameraTest));
        root.Subcommands.Add(Simple(context, "selftest", "Exit 0 only when inputs, storage, migrations, options and link are healthy", StatusText.SelfTest));
        root.Subcommands.Add(Logs(context));
        root.Subcommands.Add(Users(context));
        root.Subcommands.Add(Config(context));
        root.Subcommands.Add(Privacy(context));
        root.Subcommands.Add(Audit(context));
        return root;
    }

    private static Command Simple(CliContext context, string name, string description, Func<JsonObject, TextWriter, int> render)
    {
        var command = new Command(name, description);
        command.SetAction((parse, token) => context.CallAsync(parse, name, [], render, null, token));
        return command;
    }

    private static Command Events(CliContext context)
    {
        var log = new Option<string>("--log") { Description = "arm (arm/disarm log), alarm (alarm history) or all", DefaultValueFactory = _ => "all" };
        log.AcceptOnlyFromAmong("arm", "alarm", "all");
        var zone = new Option<string?>("--zone") { Description = "Only events of this zone" };
        var kind = new Option<string?>("--kind") { Description = "Only events whose kind starts with this (alarm., disarmed...)" };
        var user = new Option<int?>("--user") { Description = "Only events of this user number" };
        var since = new Option<string?>("--since") { Description = "Only events at or after this ISO 8601 instant" };
        var limit = new Option<int>("--limit") { Description = "At most this many, the newest", DefaultValueFactory = _ => 50 };
        var command = new Command("events", "The arm/disarm log and the alarm history, with filters") { log, zone, kind, user, since, limit };
        command.SetAction((parse, token) => context.CallAsync(parse, "events", new JsonObject
        {
            ["log"] = parse.GetValue(log),
            ["zone"] = parse.GetValue(zone),
            ["kind"] = parse.GetValue(kind),
            ["user"] = parse.GetValue(user),
            ["since"] = parse.GetValue(since),
            ["limit"] = parse.GetValue(limit),
        }, RecordsText.Events, null, token));
        return command;
    }

    private static Command WalkTest(CliContext context)
    {
        var duration = new Option<int>("--duration") { Description = "Seconds the walk test lasts (it ends by itself)", DefaultValueFactory = _ => 120 };
        var command = new Command("walk-test", "Report each zone trip live for a while, raising no alarm (panel disarmed only)") { duration };
        command.SetAction((parse, token) => context.CallAsync(parse, "walk-test",
            new JsonObject { ["seconds"] = parse.GetValue(duration) }, RecordsText.WalkSummary, RecordsText.WalkProgress, token));
        return command;
    }

    private static Command Logs(CliContext context)
    {
        var lines = new Option<int>("--lines") { Description = "How many of the newest lines", DefaultValueFactory = _ => 100 };
        var level = new Option<string?>("--level") { Description = "Minimum level: debug, information, warning, error, critical" };
        var command = new Command("logs", "Recent agent log lines (they hold no personal data)") { lines, level };
        command.SetAction((parse, token) => context.CallAsync(parse, "logs",
            new JsonObject { ["lines"] = parse.GetValue(lines), ["level"] = parse.GetValue(level) }, StatusText.Logs, null, token));
        return command;
    }
}
