namespace PanelAgent.Broker.Sharing;

/// <summary>A topic filter that arrived as <c>$share/{Group}/{Filter}</c>; <see cref="Valid"/> false when malformed.</summary>
public sealed record ShareMark(string Group, string Filter, bool Valid);
