using System.Globalization;
using System.Security.Cryptography;
using PanelAgent.Protocol.Payloads;

namespace PanelAgent.Station.Commands;

/// <summary>
/// <c>panel-station command --config FILE --panel ID --command NAME [--mode away|home] [--alarm SEQ] [--days N]
/// [--on true|false] [--bundle NAME] [--id ID] [--client-id ID] [--database FILE]</c>.
/// </summary>
public sealed record CommandArguments(string ConfigPath, string PanelId, CommandPayload Command, IReadOnlyDictionary<string, string> Overrides)
{
    public static readonly string Usage = "usage: panel-station command --config FILE --panel ID --command "
        + string.Join("|", CommandNames.All) + " "
        + "[--mode away|home] [--alarm SEQ] [--days 1-30] [--on true|false] [--bundle NAME] [--id ID] [--client-id ID] [--database FILE]";

    private static readonly string[] s_known =
        ["--config", "--panel", "--command", "--mode", "--alarm", "--days", "--on", "--bundle", "--id", "--client-id", "--database"];

    /// <summary>Null (and a reason) for anything missing, unknown or malformed.</summary>
    public static CommandArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!s_known.Contains(args[i]) || i + 1 >= args.Count)
            {
                error = $"unknown or incomplete option '{args[i]}'";
                return null;
            }

            values[args[i]] = args[i + 1];
        }

        error = Missing(values);
        if (error is not null)
        {
            return null;
        }

        var command = new CommandPayload(
            values.GetValueOrDefault("--id") ?? "c-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            values["--command"], values.GetValueOrDefault("--mode"), Number(values, "--alarm"),
            (int?)Number(values, "--days"), values.TryGetValue("--on", out var on) ? bool.Parse(on) : null,
            values.GetValueOrDefault("--bundle"));
        var overrides = values.Where(v => v.Key is "--client-id" or "--database").ToDictionary(v => v.Key, v => v.Value);
        return new CommandArguments(values["--config"], values["--panel"], command, overrides);
    }

    private static string? Missing(Dictionary<string, string> values)
    {
        foreach (var required in new[] { "--config", "--panel", "--command" })
        {
            if (!values.ContainsKey(required))
            {
                return $"{required} is required";
            }
        }

        if (values.TryGetValue("--on", out var on) && !bool.TryParse(on, out _))
        {
            return "--on is true or false";
        }

        foreach (var number in new[] { "--alarm", "--days" })
        {
            if (values.TryGetValue(number, out var text) && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return $"{number} is a positive whole number";
            }
        }

        return null;
    }

    private static long? Number(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : null;
}
