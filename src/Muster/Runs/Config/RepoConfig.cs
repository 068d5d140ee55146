using Muster.Agents.Secrets;
using Muster.Engine.Plans;
using Muster.Gates;
using Muster.Model;

namespace Muster.Runs.Config;

/// <summary>
/// A repository's <c>muster.yaml</c> (docs/repo-config.md), read and validated. Precedence: the command line (or an MCP
/// request) over this file, this file over the plan, the plan over the built-in defaults.
/// </summary>
public sealed record RepoConfig
{
    public const string FileName = "muster.yaml";
    public const string DefaultIgnoreFile = ".musterignore";

    /// <summary>The muster.yaml read; null when there is none (every value then is the plan's or the default).</summary>
    public string? File { get; init; }

    /// <summary>Where relative paths of the config resolve and the committed files live: muster.yaml's folder, else the git root, else the audited root.</summary>
    public required string Directory { get; init; }

    /// <summary>The <c>plan:</c> file (absolute); null: the built-in plan.</summary>
    public string? PlanFile { get; init; }

    /// <summary>The <c>agents:</c> block: settings per agent kind, merged over the plan's <c>with:</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> AgentSettings { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, object?>>();

    /// <summary>The <c>gates:</c> block, a layer between the plan's and the command line's.</summary>
    public GateModeOverrides Gates { get; init; } = GateModeOverrides.None;

    /// <summary>The <c>fail-on:</c> value when set (null inside: none); unset: the command line's or CRITICAL.</summary>
    public FailOnSetting? FailOn { get; init; }

    /// <summary>The <c>exclude:</c> globs, relative to <see cref="Directory"/>, excluded for every agent.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>The suppression file (absolute): <c>ignore-file:</c>, else .musterignore in <see cref="Directory"/>.</summary>
    public required string IgnoreFile { get; init; }

    /// <summary>The committed secrets baseline (absolute): <c>baseline:</c>, else muster-baseline.json in <see cref="Directory"/>.</summary>
    public required string BaselineFile { get; init; }

    /// <summary>No muster.yaml: the defaults, with the committed files looked for in <paramref name="directory"/>.</summary>
    public static RepoConfig Defaults(string directory) => new()
    {
        Directory = directory,
        IgnoreFile = Path.Combine(directory, DefaultIgnoreFile),
        BaselineFile = Path.Combine(directory, SecretsBaseline.DefaultRelativePath),
    };

    /// <summary>The severity that fails the run: <paramref name="commandLine"/> when given, else this file's, else CRITICAL.</summary>
    public Severity? FailOnFor(FailOnSetting? commandLine) =>
        (commandLine ?? FailOn ?? new FailOnSetting(AfterRunResult.DefaultFailOn)).Severity;

    /// <summary>Where it came from, for messages: the file, or "no muster.yaml".</summary>
    public string Describe() => File ?? $"no {FileName}";
}

/// <summary>A <c>fail-on</c> value: a severity, or null for none.</summary>
public sealed record FailOnSetting(Severity? Severity);

/// <summary>Errors in a muster.yaml or .musterignore, each at file:line:column with the fix; nothing runs.</summary>
public sealed class RepoConfigException(IReadOnlyList<PlanError> errors)
    : Exception($"{string.Join('\n', errors)}")
{
    public IReadOnlyList<PlanError> Errors { get; } = errors;
}
