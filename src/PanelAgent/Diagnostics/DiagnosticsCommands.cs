using System.Text;
using System.Text.Json.Nodes;
using PanelAgent.Core.Privacy;
using PanelAgent.Diagnostics.Commands;
using PanelAgent.Privacy;

namespace PanelAgent.Diagnostics;

/// <summary>
/// The socket's commands by name, and the access-log entry each request leaves (session.command: the command, the
/// user number it concerned and its harmless filters; never a code or a label).
/// </summary>
public sealed class DiagnosticsCommands
{
    /// <summary>Arguments that may appear in the access log; codes and labels are not among them.</summary>
    private static readonly string[] s_loggedArgs = ["log", "zone", "kind", "since", "user", "limit", "lines", "level", "seconds", "duress"];

    private readonly Dictionary<string, Func<CommandRequest, Task<JsonObject>>> _handlers;
    private readonly DiagnosticsContext _context;

    public DiagnosticsCommands(DiagnosticsContext context)
    {
        _context = context;
        var walkTest = new WalkTest();
        _handlers = new(StringComparer.Ordinal)
        {
            ["status"] = _ => Done(StatusCommands.Status(context)),
            ["zones"] = _ => Done(StatusCommands.Zones(context)),
            ["events"] = r => Done(LogCommands.Events(context, r)),
            ["logs"] = r => Done(LogCommands.Logs(context, r)),
            ["selftest"] = _ => Done(SelfTest.Run(context)),
            ["walk-test"] = r => walkTest.RunAsync(context, r),
            ["link-test"] = r => DeviceTests.LinkAsync(context, r),
            ["camera-test"] = r => DeviceTests.CameraAsync(context, r),
            ["users.list"] = _ => Done(UserCommands.List(context)),
            ["users.add"] = r => Done(UserCommands.Add(context, r)),
            ["users.remove"] = r => Done(UserCommands.Remove(context, r)),
            ["users.change-code"] = r => Done(UserCommands.ChangeCode(context, r)),
            ["privacy.export"] = r => Done(context.Rights.Export(r.Actor)),
            ["privacy.erase"] = r => Done(context.Rights.Erase(r.Actor)),
            ["privacy.restrict"] = r => Done(context.Rights.SetRestricted(r.Actor, restricted: true)),
            ["privacy.lift"] = r => Done(context.Rights.SetRestricted(r.Actor, restricted: false)),
            ["audit.verify"] = _ => Done(LogCommands.AuditVerify(context)),
        };
    }

    public IEnumerable<string> Names => _handlers.Keys;

    /// <summary>Logs the request to the access log, then runs it. Throws <see cref="DiagnosticsException"/>.</summary>
    public Task<JsonObject> RunAsync(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_handlers.TryGetValue(request.Command, out var handler))
        {
            throw new DiagnosticsException(DiagnosticsErrorKinds.BadRequest, $"unknown command '{request.Command}'");
        }

        _context.Privacy.Append(new AccessEntry(_context.Time.GetUtcNow(), request.Actor, AccessActions.SessionCommand,
            request.Command, Detail(request.Args)));
        return handler(request);
    }

    /// <summary>The user number (as <c>user:N</c>) and the allowed arguments, e.g. <c>user:3 log=arm limit=10</c>.</summary>
    internal static string? Detail(JsonObject args)
    {
        var text = new StringBuilder();
        if (args.TryGetPropertyValue("number", out var number) && number is JsonValue value && value.TryGetValue<int>(out var n))
        {
            text.Append(Redaction.User(n));
        }

        foreach (var name in s_loggedArgs)
        {
            if (args.TryGetPropertyValue(name, out var node) && node is JsonValue arg)
            {
                var shown = arg.ToString();
                text.Append(text.Length > 0 ? " " : "").Append(name).Append('=')
                    .Append(shown.Length > 40 ? shown[..40] : shown);
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }

    private static Task<JsonObject> Done(JsonObject result) => Task.FromResult(result);
}
