namespace PanelAgent.Fleet;

/// <summary>The fleet could not be set up or measured (not a loss: a loss is a figure).</summary>
internal sealed class FleetException(string message) : Exception(message);
