using Muster.Model;

namespace Muster.Agents.ConfigAudit;

/// <summary>Every rule for .env files and the variables compose files expect from them.</summary>
internal static class EnvRules
{
    private const string Type = "env";

    public static readonly IReadOnlyList<ConfigRule<EnvAuditDocument>> All =
    [
        new("MUSTER-ENV-001", Type, ".env file not gitignored", Severity.High,
            "An env file holds real credentials; if no .gitignore pattern covers it, the next `git add .` commits them.",
            "Add `.env` and `.env.*` (with `!.env.example`) to .gitignore.",
            d => d.EnvFiles.Where(f => !f.Ignored && !f.Tracked && f.HoldsCredentials)
                .Select(f => new RuleHit(f.Path, 0, 0, $"{f.Path} is not covered by any .gitignore pattern (checked with {d.GitSource}) and holds credential-like values ({Keys(f)})"))),

        new("MUSTER-ENV-002", Type, ".env file tracked by git", Severity.Critical,
            "A tracked env file is in the repository history: every clone and fork has its credentials, and .gitignore no longer protects it.",
            "Rotate every value in it, `git rm --cached` the file, add it to .gitignore, and purge it from history if the repository was shared.",
            d => d.EnvFiles.Where(f => f.Tracked && f.HoldsCredentials).Select(f => new RuleHit(f.Path, 0, 0, $"{f.Path} is committed to git with credential-like values ({Keys(f)})"))),

        new("MUSTER-ENV-003", Type, "Compose variable missing from the example env file", Severity.Low,
            "A variable compose needs but `.env.example` does not list is discovered only when a deploy fails or silently runs with an empty value.",
            "Add the variable (with a placeholder, never a real value) to the example file.",
            d => d.ComposeVariables.Where(v => v.Required)
                .Where(v => d.ExampleFor(v.Position.File) is { } example && !example.Names.Contains(v.Name))
                .GroupBy(v => (v.Position.File, v.Name)).Select(g => g.First())
                .Select(v => new RuleHit(v.Position.File, v.Position.Line, v.Position.Column,
                    $"${{{v.Name}}} has no default and is not listed in {d.ExampleFor(v.Position.File)!.Value.Path}", null, v.Name))),

        new("MUSTER-ENV-004", Type, "Compose variables with no example env file", Severity.Low,
            "Compose interpolates variables without defaults, but no `.env.example` documents what must be set.",
            "Add a `.env.example` beside the compose file listing every variable with a placeholder.",
            d => d.ComposeVariables.Where(v => v.Required && d.ExampleFor(v.Position.File) is null)
                .GroupBy(v => v.Position.File)
                .Select(g => new RuleHit(g.Key, g.First().Position.Line, g.First().Position.Column,
                    $"{g.Select(v => v.Name).Distinct().Count()} variable(s) without defaults ({string.Join(", ", g.Select(v => v.Name).Distinct().Take(5))}) and no .env.example"))),

        new("MUSTER-ENV-005", Type, ".env file readable by other users", Severity.Low,
            "On a shared host, an env file holding credential-like values with group/other read permission exposes its credentials to every local account and service.",
            "`chmod 600 .env` (owner read/write only).",
            d => d.EnvFiles.Where(f => f.HoldsCredentials && f.Mode is { } m && (m & (UnixFileMode.OtherRead | UnixFileMode.GroupRead)) != 0)
                .Select(f => new RuleHit(f.Path, 0, 0, $"{f.Path} is readable by {((f.Mode!.Value & UnixFileMode.OtherRead) != 0 ? "all users" : "its group")}"))),

        new("MUSTER-ENV-006", Type, "Env file committed without credentials", Severity.Low,
            "An env file in git whose values are settings, placeholders or test values (`fake-…`) leaks nothing today, but the next real secret someone adds to it is committed too.",
            "Keep committed defaults in `.env.example` (or a test-only file named as such) and add `.env` to .gitignore.",
            d => d.EnvFiles.Where(f => f.Tracked && !f.HoldsCredentials)
                .Select(f => new RuleHit(f.Path, 0, 0, $"{f.Path} is committed to git; none of its values looks like a credential (settings, placeholders or test values)"))),
    ];

    private static string Keys(EnvFileInfo file) =>
        string.Join(", ", file.CredentialKeys.Take(5)) + (file.CredentialKeys.Count > 5 ? $" and {file.CredentialKeys.Count - 5} more" : "");
}
