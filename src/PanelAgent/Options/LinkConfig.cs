using PanelAgent.Transport;
using PanelAgent.Transport.Uplink;

namespace PanelAgent.Options;

/// <summary>The optional link to the alarm station: present only when the config file has a <c>Link</c> section.</summary>
public sealed record LinkConfig(MqttLinkOptions Link, EventUplinkOptions Uplink, PanelLinkKeys Keys);
