using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PanelAgent.Cli;

/// <summary>
/// What every command action needs: the writers, the code input, the global options, and the one way to call the
/// agent and print its answer (a table by default, JSON with --json).
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error, TextReader input)
{
    public const string DefaultSocket = "/run/panelagent/diag.sock";

    private static readonly JsonSerializerOptions s_indented = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TextReader Input { get; } = input;

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the answer as JSON (walk-test: one JSON object per line)", Recursive = true,
    };

    public Option<string> Socket { get; } = new("--socket")
    {
        Description = "The agent's technician socket",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PANELCTL_SOCKET") is { Length: > 0 } path ? path : DefaultSocket,
    };

    /// <summary>Sends one command; prints the result; returns the exit code the renderer derives from it.</summary>
    public async Task<int> CallAsync(ParseResult parse, string command, JsonObject args,
        Func<JsonObject, TextWriter, int> render, Func<JsonObject, TextWriter, Task>? progress, CancellationToken cancellationToken)
    {
        var json = parse.GetValue(Json);
        using var client = await AgentClient.ConnectAsync(parse.GetValue(Socket)!, cancellationToken).ConfigureAwait(false);
        Func<JsonObject, Task>? onProgress = progress is null
            ? null
            : json ? p => Output.WriteLineAsync(p.ToJsonString(s_compact)) : p => progress(p, Output);
        var result = await client.RequestAsync(command, args, onProgress, cancellationToken).ConfigureAwait(false);
        if (!json)
        {
            return render(result, Output);
        }

        await Output.WriteLineAsync(result.ToJsonString(progress is null ? s_indented : s_compact)).ConfigureAwait(false);
        return render(result, TextWriter.Null);
    }

    public void WriteJson(JsonNode node) => Output.WriteLine(node.ToJsonString(s_indented));

    public static string Compact(JsonNode node) => node.ToJsonString(s_compact);

    /// <summary>
    /// Reads a code: from the terminal without echo when interactive, else one line of standard input. Never from the
    /// command line, where it would stay in the shell history and in <c>ps</c>.
    /// </summary>
    public string ReadCode(string prompt)
    {
        Error.Write($"{prompt}: ");
        Error.Flush();
        string? code;
        if (ReferenceEquals(Input, Console.In) && !Console.IsInputRedirected)
        {
            code = ReadHidden();
            Error.WriteLine();
        }
        else
        {
            code = Input.ReadLine();
        }

        return string.IsNullOrWhiteSpace(code)
            ? throw new CliException(CliExitCodes.Usage, $"{prompt}: nothing entered")
            : code.Trim();
    }

    private static string ReadHidden()
    {
        var code = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is { Key: not ConsoleKey.Enter } key)
        {
            if (key.Key == ConsoleKey.Backspace && code.Length > 0)
            {
                code.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                code.Append(key.KeyChar);
            }
        }

        return code.ToString();
    }
}
