namespace Muster.Agents.Secrets;

/// <summary>Extra shape checks for rules whose regex alone would be noisy (generic assignments).</summary>
internal enum SecretValidator
{
    None,

    /// <summary>Human-chosen passwords: short ones allowed, but not code references, type names or plain words.</summary>
    Password,

    /// <summary>Machine tokens in generic assignments: long, mixed, not an identifier.</summary>
    Token,
}
