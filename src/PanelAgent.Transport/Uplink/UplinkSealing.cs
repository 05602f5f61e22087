using PanelAgent.Protocol.Sealing;

namespace PanelAgent.Transport.Uplink;

/// <summary>
/// The panel's two halves of the wire contract: the sealer for <c>events</c> (the process's only one: it owns the
/// sending session) and the opener for <c>acks</c>, which trusts the station's public signing key.
/// </summary>
public sealed record UplinkSealing(MessageSealer Sealer, EnvelopeOpener Opener);
