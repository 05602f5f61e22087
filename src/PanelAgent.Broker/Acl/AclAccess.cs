namespace PanelAgent.Broker.Acl;

/// <summary>What an ACL line grants, as Mosquitto's acl_file reads it.</summary>
[Flags]
public enum AclAccess
{
    None = 0,
    Read = 1,
    Write = 2,
    ReadWrite = Read | Write,

    /// <summary>Mosquitto 2.0 <c>deny</c>: matching topics are refused whatever else grants them.</summary>
    Deny = 4,
}
