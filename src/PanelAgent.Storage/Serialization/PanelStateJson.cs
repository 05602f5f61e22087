using System.Text.Json;
using PanelAgent.Core.State;

namespace PanelAgent.Storage.Serialization;

/// <summary>Reads and writes the <c>panel_state.json</c> column.</summary>
internal static class PanelStateJson
{
    public static string Serialize(PanelState state) =>
        JsonSerializer.Serialize(state, PanelStateJsonContext.Default.PanelState);

    /// <summary>False when the text is not a readable state (bad JSON, unknown enum name, null where none allowed).</summary>
    public static bool TryDeserialize(string json, out PanelState? state, out JsonException? error)
    {
        try
        {
            state = JsonSerializer.Deserialize(json, PanelStateJsonContext.Default.PanelState);
            error = state is null ? new JsonException("the stored state is the JSON literal null") : null;
            return state is not null;
        }
        catch (JsonException ex)
        {
            state = null;
            error = ex;
            return false;
        }
    }
}
