namespace PanelAgent.Protocol.Payloads;

/// <summary>
/// The plaintext of one message on <c>commands</c> (station → panel, sealed and signed; issue 3 §5). Every command is
/// answered by a durable <c>command.accepted</c> or <c>command.refused</c> event naming <see cref="Id"/>.
/// </summary>
/// <param name="Id">The station's id for this command, echoed in the answer: <c>[A-Za-z0-9._-]{1,64}</c>.</param>
/// <param name="Command">One of <see cref="CommandNames"/>; anything else is refused as unknown.</param>
/// <param name="Mode"><c>arm</c>: <c>away</c> or <c>home</c>.</param>
/// <param name="Alarm"><c>hold</c>: the alarm event's sequence whose images are kept for the police (P6).</param>
/// <param name="Days"><c>hold</c>: how long from capture, 1 to 30 days (P6).</param>
/// <param name="On"><c>restrict</c>: true to restrict processing (no image capture, P11), false to lift it.</param>
/// <param name="Bundle"><c>update</c>: the bundle's folder name inside the panel's bundle folder (no path).</param>
public sealed record CommandPayload(
    string Id, string Command, string? Mode = null, long? Alarm = null, int? Days = null, bool? On = null,
    string? Bundle = null);
