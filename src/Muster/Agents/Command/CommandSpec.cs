using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.Command;

/// <summary>
/// What to run, read only from the agent's own <c>with:</c> block: a plan a person wrote is the only place a command
/// can come from. Nothing from the audited workspace or from a model is ever consulted here.
/// </summary>
internal sealed record CommandSpec
{
    /// <summary>Passed to every command so tools find their config, caches and a temp folder; nothing secret.</summary>
    public static readonly IReadOnlyList<string> BaseEnvironment =
        ["PATH", "HOME", "TMPDIR", "TEMP", "TMP", "LANG", "LC_ALL", "USERPROFILE", "SYSTEMROOT", "COMSPEC", "WINDIR"];

    public required string Program { get; init; }
    public required IReadOnlyList<string> Arguments { get; init; }
    public required string WorkingDirectory { get; init; }
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
    public required TimeSpan Timeout { get; init; }
    public required IReadOnlySet<int> ExpectedExitCodes { get; init; }
    public int MaxOutputBytes { get; init; } = 16 * 1024 * 1024;

    public static CommandSpec FromContext(AgentContext context, CommandSettings settings)
    {
        var readEnvironment = context.Environment.Get;
        var root = Path.GetFullPath(context.Root);
        var cwd = ResolveWorkingDirectory(root, settings.WorkingDirectory);

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in BaseEnvironment.Concat(settings.Environment))
        {
            if (readEnvironment(name) is { } value) environment[name] = value;
        }
        foreach (var (name, source) in settings.EnvironmentFrom)
        {
            environment[name] = readEnvironment(source)
                ?? throw new AgentSettingsException(
                    $"env-from: '{name}' takes its value from the environment variable '{source}', which is not set");
        }
        foreach (var (name, value) in settings.EnvironmentSet)
        {
            // A literal in a plan is readable by everyone who reads the plan; secrets must go through env-from.
            if (context.Scrubber.Scrub(value) != value)
            {
                throw new AgentSettingsException(
                    $"env-set: the value of '{name}' looks like a secret; put it in an environment variable and use env-from");
            }
            environment[name] = value;
        }
        environment["MUSTER_ROOT"] = root;

        return new CommandSpec
        {
            Program = ResolveProgram(settings.Program, environment.GetValueOrDefault("PATH")),
            Arguments = settings.Arguments.Select(a => a.Replace("{root}", root, StringComparison.Ordinal)).ToList(),
            WorkingDirectory = cwd,
            Environment = environment,
            Timeout = settings.Timeout,
            ExpectedExitCodes = settings.ExitCodes,
            MaxOutputBytes = settings.MaxOutputBytes,
        };
    }

    /// <summary>The working directory: the root, or a folder under it; never outside it, never through a symlink.</summary>
    public static string ResolveWorkingDirectory(string root, string? cwd)
    {
        if (string.IsNullOrWhiteSpace(cwd)) return root;
        if (Path.IsPathRooted(cwd))
        {
            throw new AgentSettingsException($"setting 'cwd' must be relative to the audited root, not '{cwd}'");
        }
        var full = Path.GetFullPath(Path.Combine(root, cwd));
        if (!RootPaths.IsInside(root, full))
        {
            throw new AgentSettingsException($"setting 'cwd' ('{cwd}') leads outside the audited root");
        }
        if (RootPaths.FirstSymlinkBetween(root, full) is { } link)
        {
            throw new AgentSettingsException($"setting 'cwd' ('{cwd}') passes through the symbolic link '{link}'");
        }
        if (!Directory.Exists(full))
        {
            throw new AgentSettingsException($"setting 'cwd' ('{cwd}') is not a folder under the audited root");
        }
        return full;
    }

    /// <summary>
    /// A bare name is looked up on PATH; a name with a folder in it is taken relative to the folder Muster was started
    /// in (where the plan usually is). Resolved here so a missing program is a clear error, not a crash.
    /// </summary>
    private static string ResolveProgram(string program, string? path)
    {
        if (program.Contains('/') || program.Contains('\\'))
        {
            var full = Path.GetFullPath(program);
            return File.Exists(full) ? full : throw new AgentSettingsException($"program '{program}' does not exist ({full})");
        }
        foreach (var dir in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in Candidates(Path.Combine(dir, program)))
            {
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new AgentSettingsException($"program '{program}' was not found on PATH");
    }

    private static IEnumerable<string> Candidates(string basePath)
    {
        yield return basePath;
        if (OperatingSystem.IsWindows())
        {
            foreach (var ext in new[] { ".exe", ".cmd", ".bat" }) yield return basePath + ext;
        }
    }
}
