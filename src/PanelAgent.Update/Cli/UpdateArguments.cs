using System.Globalization;

namespace PanelAgent.Update.Cli;

/// <summary>
/// <c>panel-agent update apply BUNDLE | recover | verify BUNDLE | idle</c> and their options. Defaults are the panel's
/// production paths and commands; tests and rigs override them.
/// </summary>
public sealed record UpdateArguments
{
    public const string Usage =
        "usage: panel-agent update (apply BUNDLE | verify BUNDLE | recover | idle | request) [--root DIR] [--keys DIR] [--db PATH]\n" +
        "         [--restart-command CMD] [--ready-command CMD] [--health-command CMD] [--ready-deadline HH:MM:SS]\n" +
        "         [--ack-deadline HH:MM:SS] [--no-station] [--no-restart] [--requests DIR] [--bundles DIR]";

    public required string Action { get; init; }

    public string? Bundle { get; init; }

    public UpdateSettings Settings { get; init; } = new();

    public string RestartCommand { get; init; } = "systemctl restart panel-agent.service";

    public string ReadyCommand { get; init; } = "systemctl is-active --quiet panel-agent.service";

    /// <summary>panelctl selftest: the technician tool's health check of the running agent.</summary>
    public string HealthCommand { get; init; } = "/opt/panelagent/current/panelctl selftest";

    /// <summary><c>request</c>: the agent's hand-over folder (request.json in, result.json out).</summary>
    public string RequestDirectory { get; init; } = "/var/lib/panelagent/update";

    /// <summary><c>request</c>: the only folder a requested bundle may come from.</summary>
    public string BundleDirectory { get; init; } = "/var/lib/panelagent/bundles";

    /// <summary>Parses the arguments after <c>update</c>; null and an error naming the option otherwise.</summary>
    public static UpdateArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        if (args.Count == 0 || args[0] is not ("apply" or "verify" or "recover" or "idle" or "request"))
        {
            error = "update: expected apply, verify, recover, idle or request";
            return null;
        }

        var result = new UpdateArguments { Action = args[0] };
        var i = 1;
        if (result.Action is "apply" or "verify")
        {
            if (args.Count < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"update {result.Action}: BUNDLE (a bundle directory) is missing";
                return null;
            }

            result = result with { Bundle = args[1] };
            i = 2;
        }

        for (; i < args.Count; i++)
        {
            var option = args[i];
            var value = i + 1 < args.Count ? args[i + 1] : null;
            var next = Apply(result, option, value, out var consumed, out error);
            if (next is null)
            {
                return null;
            }

            result = next;
            i += consumed;
        }

        return result;
    }

    private static UpdateArguments? Apply(UpdateArguments a, string option, string? value, out int consumed, out string? error)
    {
        error = null;
        consumed = 1;
        var s = a.Settings;
        switch (option)
        {
            case "--no-station": consumed = 0; return a with { Settings = s with { HasStationLink = false } };
            case "--no-restart": consumed = 0; return a with { Settings = s with { Restart = false } };
        }

        if (string.IsNullOrEmpty(value))
        {
            error = $"{option}: missing value";
            return null;
        }

        TimeSpan? duration = TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var d) && d > TimeSpan.Zero ? d : null;
        UpdateArguments? next = option switch
        {
            "--root" => a with { Settings = s with { Root = value } },
            "--keys" => a with { Settings = s with { KeysDirectory = value } },
            "--db" => a with { Settings = s with { DatabasePath = value } },
            "--restart-command" => a with { RestartCommand = value },
            "--ready-command" => a with { ReadyCommand = value },
            "--health-command" => a with { HealthCommand = value },
            "--requests" => a with { RequestDirectory = value },
            "--bundles" => a with { BundleDirectory = value },
            "--ready-deadline" when duration is { } t => a with { Settings = s with { ReadyDeadline = t } },
            "--ack-deadline" when duration is { } t => a with { Settings = s with { AckDeadline = t } },
            _ => null,
        };
        if (next is null)
        {
            error = option is "--ready-deadline" or "--ack-deadline"
                ? $"{option}: '{value}' is not a positive duration (HH:MM:SS)"
                : $"unknown option '{option}'";
        }

        return next;
    }
}
