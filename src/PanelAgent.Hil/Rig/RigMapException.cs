namespace PanelAgent.Hil.Rig;

/// <summary>
/// A rig map that cannot be used as written: the message names the file and the JSON path of the problem, e.g.
/// <c>hardware/rig/villa.json: $.drives[3].zone: the panel has no zone "garage"</c>. panel-hil exits
/// <see cref="ExitCodes.RigMap"/> on it, before any scenario runs.
/// </summary>
public sealed class RigMapException(string source, string jsonPath, string detail)
    : Exception($"{source}: {jsonPath}: {detail}")
{
    public string JsonPath { get; } = jsonPath;
}
