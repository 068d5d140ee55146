namespace Muster.Model;

/// <summary>Finding properties an agent sets to tell the gap register how its findings relate to other agents' findings.</summary>
public static class GapHints
{
    /// <summary>
    /// "true" on a finding about a literal secret written in a file (a compose environment value, a Dockerfile ENV):
    /// when the secrets agent reported a value on the same line, the finding joins that secret's gap instead of being a
    /// second gap for the same fix.
    /// </summary>
    public const string JoinsSecretOnSameLine = "joins-secret-on-same-line";
}
