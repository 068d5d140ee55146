using Muster.Agents.Command.Parsers;

namespace Muster.Agents.Command;

/// <summary>
/// The command agent's <c>with:</c> block, typed: read when the plan is parsed and again when the agent runs. What
/// depends on the machine (the program on PATH, the working folder, env-from's variables) is resolved by
/// <see cref="CommandSpec"/> when it runs.
/// </summary>
internal sealed record CommandSettings
{
    public const int DefaultMaxOutputBytes = 16 * 1024 * 1024;

    public static readonly IReadOnlyList<SettingDoc> Docs =
    [
        new("program", SettingType.Text, null, "The program to run, by name on `PATH` or by path. No shell: `;`, `$(...)` and `*` are plain text.") { Required = true, Sample = "dotnet" },
        new("args", SettingType.Texts, null, "Its arguments, as a list. `{root}` in an argument becomes the audited root's full path.") { Unset = "none" },
        new("cwd", SettingType.RelativePath, null, "Working folder, relative to the root; it must stay inside it (no `..`, no symbolic links).") { Unset = "the root" },
        new("env", SettingType.Names, null, "Names of variables passed through from Muster's environment. The child's environment otherwise holds only `PATH`, `HOME`, `TMPDIR`/`TEMP`/`TMP`, `LANG`, `LC_ALL` (and Windows' system variables), plus `MUSTER_ROOT`.") { Unset = "none" },
        new("env-from", SettingType.Map, null, "`CHILD_NAME: MUSTER_NAME`: the child's variable is set from Muster's. Secrets only by reference, never as literals in the plan.") { Unset = "none" },
        new("env-set", SettingType.Map, null, "Literal values, e.g. `{NO_COLOR: \"1\"}`; a value that looks like a secret is refused.") { Unset = "none" },
        new("timeout", SettingType.Duration, "10m", "When it passes, or when the run is cancelled, the whole process group (and tree) is killed."),
        new("exit-codes", new SettingType("list of whole numbers", "[0, 1]", "[zero]"), "[0]", "Expected exit codes. Any other code fails the agent, with the end of stderr in the error."),
        new("max-output-bytes", SettingType.WholeNumber(min: 1), $"{DefaultMaxOutputBytes}", "Output kept per stream. Output over the limit is never parsed as if complete."),
        .. OutputSettings.Docs,
    ];

    public required string Program { get; init; }
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Relative to the audited root; null: the root.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Names of variables passed through besides <see cref="CommandSpec.BaseEnvironment"/>.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];
    public IReadOnlyDictionary<string, string> EnvironmentFrom { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> EnvironmentSet { get; init; } = new Dictionary<string, string>();
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
    public IReadOnlySet<int> ExitCodes { get; init; } = new HashSet<int> { 0 };
    public int MaxOutputBytes { get; init; } = DefaultMaxOutputBytes;
    public OutputSettings Output { get; init; } = new();

    /// <exception cref="AgentSettingsException">A value of the wrong type or out of range, or 'program' missing.</exception>
    public static CommandSettings From(AgentSettings settings)
    {
        var exitCodes = settings.GetStringList("exit-codes");
        var read = new CommandSettings
        {
            Program = settings.GetString("program") ?? "",
            Arguments = settings.GetStringList("args"),
            WorkingDirectory = settings.GetRelativePath("cwd") is { } cwd && !string.IsNullOrWhiteSpace(cwd) ? cwd : null,
            Environment = settings.GetStringList("env"),
            EnvironmentFrom = settings.GetStringMap("env-from"),
            EnvironmentSet = settings.GetStringMap("env-set"),
            Timeout = settings.GetDuration("timeout", TimeSpan.FromMinutes(10), min: TimeSpan.FromMilliseconds(1)),
            ExitCodes = exitCodes.Count == 0
                ? new HashSet<int> { 0 }
                : exitCodes.Select(c => int.TryParse(c, out var i) ? i : throw new AgentSettingsException(
                    $"setting 'exit-codes' must list whole numbers; '{c}' is not one")
                { Key = "exit-codes" }).ToHashSet(),
            MaxOutputBytes = settings.GetInt("max-output-bytes", DefaultMaxOutputBytes, min: 1),
            Output = OutputSettings.From(settings),
        };
        if (settings.GetString("program") is null) _ = settings.GetRequiredString("program");
        if (string.IsNullOrWhiteSpace(read.Program))
        {
            throw new AgentSettingsException("setting 'program' must name a program") { Key = "program" };
        }
        return read;
    }
}
