using System.Security.Cryptography;

namespace PanelAgent.Update.Signing;

/// <summary>A release-signing public key the panel trusts, named by its file (for the report, never a secret).</summary>
public sealed record TrustedKey(string Name, ECDsa Key);
