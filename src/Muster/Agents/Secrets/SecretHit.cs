namespace Muster.Agents.Secrets;

/// <summary>
/// One rule match in a piece of text. <see cref="Index"/> is the secret's position in the scanned text.
/// <see cref="Secret"/> is the plain value: it stays inside the agent and is only ever hashed or redacted.
/// </summary>
internal sealed record SecretHit(SecretRule Rule, string Secret, int Index, bool IsPlaceholder, bool AllowedInline)
{
    /// <summary>What the format's checksum says (GitHub, npm, NKEY, bech32), when it has one.</summary>
    public TokenCheck Check { get; init; }

    /// <summary>Why the value is ciphertext rather than plaintext (sops, Ansible vault, SealedSecret…), else null.</summary>
    public string? Encrypted { get; init; }

    /// <summary>Why the value, though real, is less of an exposure than its rule says (public by design, a local default), else null.</summary>
    public SeverityCap? Softened { get; init; }
}
