namespace Muster.Formats.Secrets;

/// <summary>What a configured value is, judged by its shape alone (see <see cref="SecretValueClassifier"/>).</summary>
public enum SecretValueKind
{
    /// <summary>A literal someone could use as a credential.</summary>
    Literal,

    /// <summary>"put the real one here": <c>&lt;your-key&gt;</c>, <c>changeme</c>, <c>xxxx</c>, <c>sua chave</c>, runs and sequences.</summary>
    Placeholder,

    /// <summary>A reference to where the value lives: <c>${VAR}</c>, <c>%VAR%</c>, <c>ENV_NAME</c>, a template field.</summary>
    Reference,

    /// <summary>A path to a file holding the secret (<c>/run/secrets/db_password</c>).</summary>
    SecretFilePath,

    /// <summary>Ciphertext: sops <c>ENC[...]</c>, Jasypt <c>ENC(...)</c>, Ansible vault, Vault transit, PGP messages.</summary>
    Encrypted,

    /// <summary>Words in a natural language (UI text, a translated label), not a credential.</summary>
    NaturalLanguage,
}
