namespace PanelAgent.Update.Requests;

/// <summary>
/// A station's <c>update</c> command as the (non-root) agent hands it to the root updater: the command's id and the
/// bundle's name inside the bundle folder. Nothing else: the root side decides every path itself.
/// </summary>
public sealed record UpdateRequest(string Id, string Bundle, DateTimeOffset RequestedAt);
