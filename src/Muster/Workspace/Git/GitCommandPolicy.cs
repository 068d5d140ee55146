namespace Muster.Workspace.Git;

/// <summary>
/// What the runner lets git do: read-only subcommands only, none of the options that write files or start programs,
/// and command-line overrides that switch off every program-starting setting git 2.39 reads from configuration. The
/// sandbox already keeps the repository's configuration out; these overrides also hold if a future change lets some in.
/// </summary>
internal static class GitCommandPolicy
{
    public static readonly IReadOnlySet<string> ReadOnlySubcommands = new HashSet<string>(StringComparer.Ordinal)
    {
        "ls-files", "check-ignore", "rev-parse", "log", "rev-list", "cat-file", "show", "diff-tree", "ls-tree", "for-each-ref", "show-ref", "count-objects",
    };

    /// <summary>Subcommands that can produce patches: external diff and textconv drivers are switched off on each.</summary>
    private static readonly IReadOnlySet<string> PatchSubcommands = new HashSet<string>(StringComparer.Ordinal) { "log", "show", "diff-tree" };

    // --output writes a file; --ext-diff/--textconv/--filters start drivers; --show-signature and %G formats start gpg;
    // -c/-C/--git-dir/--work-tree/--exec-path would undo the sandbox.
    private static readonly string[] ForbiddenPrefixes =
    [
        "--output", "--ext-diff", "--textconv", "--filters", "--show-signature", "--exec", "--upload-pack", "--receive-pack",
        "--open-files-in-pager", "--config-env", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--super-prefix",
    ];

    /// <summary>Placed before the subcommand. Empty values reset a list (credential.helper) or mean "none" (core.pager, core.askPass).</summary>
    public static readonly IReadOnlyList<string> Overrides =
    [
        "core.fsmonitor=false",
        "core.hooksPath=/dev/null",
        "core.pager=",
        "core.askPass=",
        "core.editor=:",
        "core.sshCommand=false",
        "core.gitProxy=",
        "core.untrackedCache=false",
        "credential.helper=",
        "protocol.allow=never",
        "log.showSignature=false",
        "gc.auto=0",
        "maintenance.auto=false",
        "core.quotePath=false",
    ];

    public static void Check(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0 || !ReadOnlySubcommands.Contains(arguments[0]))
            throw new ArgumentException($"git {(arguments.Count == 0 ? "" : arguments[0])}: not a read-only subcommand the runner allows", nameof(arguments));
        foreach (var argument in arguments.Skip(1))
        {
            if (argument == "-c" || argument == "-C" || ForbiddenPrefixes.Any(p => argument.StartsWith(p, StringComparison.Ordinal)))
                throw new ArgumentException($"git {arguments[0]}: option '{argument}' is not allowed (it writes files, starts programs or leaves the sandbox)", nameof(arguments));
            if (argument.Contains("%G", StringComparison.Ordinal))
                throw new ArgumentException($"git {arguments[0]}: signature placeholders (%G) start gpg and are not allowed", nameof(arguments));
        }
    }

    public static IReadOnlyList<string> CommandLine(IReadOnlyList<string> arguments)
    {
        Check(arguments);
        var line = new List<string> { "--no-pager", "--no-replace-objects" };
        foreach (var o in Overrides) { line.Add("-c"); line.Add(o); }
        line.Add(arguments[0]);
        if (PatchSubcommands.Contains(arguments[0])) { line.Add("--no-ext-diff"); line.Add("--no-textconv"); }
        line.AddRange(arguments.Skip(1));
        return line;
    }
}
