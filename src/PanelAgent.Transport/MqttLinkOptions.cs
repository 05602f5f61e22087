namespace PanelAgent.Transport;

/// <summary>The <c>Link</c> configuration section: who this panel is, which brokers to reach and how to trust them.</summary>
public sealed class MqttLinkOptions
{
    public const string SectionName = "Link";

    /// <summary>The panel id: the MQTT client id, the certificate CN the broker ACL keys on, and the topic segment.</summary>
    public string PanelId { get; set; } = "";

    /// <summary>Tried in order; a failed connect moves to the next one (the backup path).</summary>
    public IList<BrokerEndpoint> Brokers { get; } = [];

    /// <summary>PEM of the station CA: the only trust anchor for the broker certificate (the OS store is not used).</summary>
    public string CaFile { get; set; } = "/etc/panelagent/link/station-ca.pem";

    /// <summary>PEM certificate of this panel, issued by the station CA with CN = <see cref="PanelId"/>.</summary>
    public string ClientCertFile { get; set; } = "/etc/panelagent/link/panel.pem";

    /// <summary>PEM private key of <see cref="ClientCertFile"/>.</summary>
    public string ClientKeyFile { get; set; } = "/etc/panelagent/link/panel.key";

    /// <summary>
    /// Optional CRL (PEM or DER) signed by the station CA, checked against the broker certificate without any network
    /// access. Empty: no revocation check for the broker certificate.
    /// </summary>
    public string CrlFile { get; set; } = "";

    /// <summary>MQTT keep-alive; the supervisor also pings at this interval to notice a dead link early.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>TCP + TLS + CONNACK must complete within this, or the next endpoint is tried.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A PUBLISH without its PUBACK within this is reported TimedOut (MQTTnet's own default is 100 s).</summary>
    public TimeSpan PublishDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait after every endpoint failed once.</summary>
    public TimeSpan BackoffMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait doubles per failed round up to this.</summary>
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Every problem with these options, each naming its field (<c>Link:Brokers[0]:Port: ...</c>); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(PanelId) || PanelId.IndexOfAny(['/', '+', '#', ' ']) >= 0)
        {
            // The id is a topic segment and an ACL %u: a wildcard or separator in it would widen the panel's topics.
            errors.Add($"{SectionName}:{nameof(PanelId)}: must be non-empty without '/', '+', '#' or spaces, got '{PanelId}'.");
        }

        ValidateBrokers(errors);
        RequireFile(errors, nameof(CaFile), CaFile);
        RequireFile(errors, nameof(ClientCertFile), ClientCertFile);
        RequireFile(errors, nameof(ClientKeyFile), ClientKeyFile);
        if (CrlFile.Length > 0)
        {
            RequireFile(errors, nameof(CrlFile), CrlFile);
        }

        RequireRange(errors, nameof(KeepAlive), KeepAlive, TimeSpan.FromSeconds(1), TimeSpan.FromHours(18));
        RequireRange(errors, nameof(ConnectTimeout), ConnectTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
        RequireRange(errors, nameof(PublishDeadline), PublishDeadline, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));
        RequireRange(errors, nameof(BackoffMin), BackoffMin, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        RequireRange(errors, nameof(BackoffMax), BackoffMax, BackoffMin, TimeSpan.FromHours(1));
        return errors;
    }

    private void ValidateBrokers(List<string> errors)
    {
        if (Brokers.Count == 0)
        {
            errors.Add($"{SectionName}:{nameof(Brokers)}: at least one broker endpoint is required.");
        }

        for (var i = 0; i < Brokers.Count; i++)
        {
            var prefix = $"{SectionName}:{nameof(Brokers)}[{i}]";
            if (string.IsNullOrWhiteSpace(Brokers[i].Host))
            {
                errors.Add($"{prefix}:{nameof(BrokerEndpoint.Host)}: must not be empty.");
            }

            if (Brokers[i].Port is < 1 or > 65535)
            {
                errors.Add($"{prefix}:{nameof(BrokerEndpoint.Port)}: must be between 1 and 65535, got {Brokers[i].Port}.");
            }
        }
    }

    private static void RequireFile(List<string> errors, string field, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !Path.IsPathFullyQualified(path))
        {
            errors.Add($"{SectionName}:{field}: must be an absolute path, got '{path}'.");
        }
        else if (!File.Exists(path))
        {
            errors.Add($"{SectionName}:{field}: file '{path}' does not exist.");
        }
    }

    private static void RequireRange(List<string> errors, string field, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{SectionName}:{field}: must be between {min} and {max}, got {value}.");
        }
    }
}
