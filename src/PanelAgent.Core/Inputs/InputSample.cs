namespace PanelAgent.Core.Inputs;

/// <summary>The level of one input as read by a periodic re-read; <paramref name="Faulted"/> when it could not be read.</summary>
public readonly record struct InputSample(string ZoneId, InputLine Line, bool Active, bool Faulted);
