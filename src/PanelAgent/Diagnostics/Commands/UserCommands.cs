using System.Text.Json.Nodes;
using PanelAgent.Core.Codes;
using PanelAgent.Core.Ports;
using PanelAgent.Core.Privacy;
using PanelAgent.Privacy;
using PanelAgent.Storage;

namespace PanelAgent.Diagnostics.Commands;

/// <summary>
/// <c>users</c>: list (numbers, initials), add, remove, change a code with the old code. Codes arrive in the request
/// and go no further than the hasher: never into an answer, the access log or a log line.
/// </summary>
internal static class UserCommands
{
    public static JsonObject List(DiagnosticsContext context) =>
        new() { ["users"] = Json.Array(context.Runtime.Keypad.Users.Select(LogCommands.User)) };

    public static JsonObject Add(DiagnosticsContext context, CommandRequest request)
    {
        var runtime = context.Runtime;
        var number = Number(request);
        if (runtime.Keypad.Contains(number))
        {
            throw Refused($"user {number} exists; remove it first or change its code");
        }

        var refusal = runtime.Keypad.TryEnrol(number, Label(request), request.RequiredString("code"),
            request.Bool("duress"), out var record);
        if (record is null)
        {
            throw Refused($"code refused: {refusal}");
        }

        Persist(() => runtime.Store.Save(record));
        context.Privacy.Append(new AccessEntry(context.Time.GetUtcNow(), request.Actor, AccessActions.UserAdded,
            Redaction.User(number), record.IsDuress ? "duress" : null));
        return new JsonObject { ["added"] = LogCommands.User(record) };
    }

    public static JsonObject Remove(DiagnosticsContext context, CommandRequest request)
    {
        var runtime = context.Runtime;
        var number = Number(request);
        if (!runtime.Keypad.Contains(number))
        {
            throw Refused($"there is no user {number}");
        }

        if (runtime.Keypad.Count == 1)
        {
            throw Refused("the last user cannot be removed: nobody could disarm the panel");
        }

        runtime.Keypad.Remove(number);
        if (runtime.Store is SqliteEventStore store)
        {
            Persist(() => store.DeleteUser(number));
        }

        context.Privacy.Append(new AccessEntry(context.Time.GetUtcNow(), request.Actor, AccessActions.UserRemoved,
            Redaction.User(number)));
        return new JsonObject { ["removed"] = number };
    }

    /// <summary>P10 through the panel's own path: a wrong old code counts towards the lock-out.</summary>
    public static JsonObject ChangeCode(DiagnosticsContext context, CommandRequest request)
    {
        var number = Number(request);
        var result = context.Runtime.ChangeCode(number, request.RequiredString("oldCode"), request.RequiredString("newCode"));
        return result switch
        {
            CodeChangeResult.Changed => new JsonObject { ["changed"] = number },
            CodeChangeResult.UnknownUser => throw Refused($"there is no user {number}"),
            CodeChangeResult.WrongOldCode => throw Refused("the old code is wrong (or the keypad is locked); wrong codes count towards the lock-out"),
            CodeChangeResult.WeakCode => throw Refused("the new code is too easy to guess"),
            _ => throw Refused("the new code is in use by another user"),
        };
    }

    private static int Number(CommandRequest request)
    {
        var number = request.RequiredInt("number");
        return number is >= 1 and <= 999 ? number : throw CommandRequest.Bad("number", "between 1 and 999");
    }

    private static string? Label(CommandRequest request)
    {
        var label = request.String("label");
        return label is { Length: > 64 } ? throw CommandRequest.Bad("label", "at most 64 characters") : label;
    }

    private static void Persist(Action save)
    {
        try
        {
            save();
        }
        catch (StorageUnavailableException)
        {
            throw new DiagnosticsException(DiagnosticsErrorKinds.Unavailable,
                "done in memory but not stored: the database is failing, the change is lost at the next restart");
        }
    }

    private static DiagnosticsException Refused(string message) => new(DiagnosticsErrorKinds.Refused, message);
}
