namespace Muster.SecretsCorpus;

/// <summary>The classes of issue 19, in its order: misses largest first, then false positives largest first.</summary>
public static class QualityClasses
{
    public static readonly IReadOnlyList<QualityClass> All =
    [
        new("R1", "Provider formats"),
        new("R2", "Credentials in prose and notes"),
        new("R3", "Short or embedded names, non-assignment syntax"),
        new("R4", "SQL passwords"),
        new("R5", "Command lines and libcurl options"),
        new("R6", "HTTP Authorization values"),
        new("R7", "URLs with credentials, token query parameters"),
        new("R8", "Private keys outside a clean PEM block"),
        new("R9", "Provider tokens at the edges (ANSI, escapes, lengths, charset)"),
        new("R10", "Every location of a repeated value"),
        new("R11", "Identifiers next to secret wording (MEDIUM)"),
        new("P1", "Localization and UI text"),
        new("P2", "Dependency manifests and lockfiles"),
        new("P3", "Code, not values"),
        new("P4", "Test, fixture and doc paths (at most MEDIUM)"),
        new("P5", "Encrypted material (INFO at most)"),
        new("P6", "Files named *credential*"),
        new("P7", "Docs-heavy monorepos: versioned copies, placeholders in any language"),
        new("P8", "Sample-style fakes"),
    ];
}
