namespace Muster.Agents.Secrets;

/// <summary>Extra shape checks for rules whose regex alone would be noisy (generic assignments).</summary>
internal enum SecretValidator
{
    None,

    /// <summary>Human-chosen passwords: short ones allowed, but not code references, type names or plain words.</summary>
    Password,

    /// <summary>Machine tokens in generic assignments: long, mixed, not an identifier.</summary>
    Token,

    /// <summary>GitHub/npm tokens: CRC-32 of the random part in the last six base62 characters.</summary>
    Base62Crc32,

    /// <summary>NATS NKEY seeds: CRC-16 in the last two decoded bytes.</summary>
    NkeySeed,

    /// <summary>bech32 strings (age secret keys).</summary>
    Bech32,

    /// <summary>HTTP Basic values: must decode to user:password.</summary>
    BasicAuth,

    /// <summary>JWTs: the header must decode to JSON naming an algorithm.</summary>
    Jwt,

    /// <summary>Atlassian Data Center tokens: must decode to a numeric id and a colon.</summary>
    AtlassianPat,
}
