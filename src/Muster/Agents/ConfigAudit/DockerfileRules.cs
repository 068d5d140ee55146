using System.Text.RegularExpressions;
using Muster.Formats.Docker;
using Muster.Model;

namespace Muster.Agents.ConfigAudit;

/// <summary>Every rule for Dockerfiles / Containerfiles.</summary>
internal static partial class DockerfileRules
{
    private const string Type = "dockerfile";

    public static readonly IReadOnlyList<ConfigRule<DockerfileDocument>> All =
    [
        new("MUSTER-DOCKER-001", Type, "Container runs as root", Severity.Medium,
            "With no `USER` (or `USER root` last) the final image runs as root unless its base image says otherwise, so any code-execution bug runs as root.",
            "Create an unprivileged user and switch to it at the end: `RUN useradd -r -u 10001 app` then `USER 10001`.",
            RunsAsRoot),

        new("MUSTER-DOCKER-002", Type, "ADD fetches a URL", Severity.Medium,
            "`ADD https://…` downloads at build time without checksum verification (unless `--checksum` is given) and bypasses the layer cache's integrity.",
            "Download with `curl -fsSL` and verify a checksum in a `RUN`, or use `ADD --checksum=sha256:…`.",
            d => d.Named("ADD").Where(i => Regex.IsMatch(i.Arguments, @"(^|\s)(https?|ftp)://", RegexOptions.IgnoreCase) && !i.Arguments.Contains("--checksum", StringComparison.Ordinal))
                .Select(i => d.Hit(i, "ADD downloads a remote URL without a checksum"))),

        new("MUSTER-DOCKER-003", Type, "Remote script piped into a shell", Severity.High,
            "`curl … | sh` runs whatever the server (or anyone in the middle) sends at that moment, with no review and no pinning.",
            "Download the script, verify its checksum or signature, then run it; better, install a pinned package.",
            d => d.Named("RUN").Where(i => ShellPatterns.PipeToShell().IsMatch(i.Arguments)).Select(i => d.Hit(i, "RUN pipes a download into a shell"))),

        new("MUSTER-DOCKER-004", Type, "Secret in ENV or ARG", Severity.High,
            "`ENV` values stay in the image for anyone who pulls it; `ARG` values are recorded in the image history (`docker history`).",
            "Use build secrets (`RUN --mount=type=secret,id=…`) at build time and runtime environment or secret files at run time.",
            SecretsInEnvOrArg),

        new("MUSTER-DOCKER-005", Type, "Base image not pinned (latest or no tag)", Severity.Medium,
            "`FROM image` or `FROM image:latest` builds on whatever was pushed last: builds are not reproducible and can pick up breaking or malicious changes.",
            "Use an explicit version tag with a digest: `FROM node:22.11-alpine@sha256:…`.",
            d => BaseImages(d).Where(b => b.Tag is null or "latest" && !b.Image.Contains('@'))
                .Select(b => d.Hit(b.At, $"base image '{b.Image}' is not pinned to a version"))),

        new("MUSTER-DOCKER-006", Type, "Base image tag without digest", Severity.Low,
            "Tags are mutable: the same `FROM image:1.2` can resolve to different content tomorrow. Only a digest fixes the bytes.",
            "Append the digest: `FROM image:1.2@sha256:…` (tools like Renovate keep it current).",
            d => BaseImages(d).Where(b => b.Tag is not null and not "latest" && !b.Image.Contains('@'))
                .Select(b => d.Hit(b.At, $"base image '{b.Image}' has a tag but no digest"))),

        new("MUSTER-DOCKER-007", Type, "apt-get install without cleaning package lists", Severity.Low,
            "Leaving /var/lib/apt/lists in the layer adds tens of megabytes and stale package metadata to every image.",
            "End the same RUN with `&& rm -rf /var/lib/apt/lists/*`.",
            d => d.Named("RUN").Where(i => ShellPatterns.AptInstall().IsMatch(i.Arguments) && !ShellPatterns.AptListsCleanup().IsMatch(i.Arguments)
                                           && !i.Arguments.Contains("type=cache", StringComparison.Ordinal))
                .Select(i => d.Hit(i, "apt-get install leaves /var/lib/apt/lists in the layer"))),

        new("MUSTER-DOCKER-008", Type, "apt-get install pulls recommended packages", Severity.Low,
            "Without `--no-install-recommends` apt installs extra packages nobody asked for: larger image, larger attack surface.",
            "Use `apt-get install -y --no-install-recommends …`.",
            d => d.Named("RUN").Where(i => ShellPatterns.AptInstall().IsMatch(i.Arguments) && !i.Arguments.Contains("--no-install-recommends", StringComparison.Ordinal))
                .Select(i => d.Hit(i, "apt-get install without --no-install-recommends"))),

        new("MUSTER-DOCKER-009", Type, "sudo used in the build", Severity.Medium,
            "Builds already run as root; `sudo` in an image means sudo is installed and usually configured password-less, an easy escalation at run time.",
            "Drop `sudo`: run root steps before `USER`, or switch with `USER root` for that step.",
            d => d.Named("RUN").Where(i => ShellPatterns.Sudo().IsMatch(i.Arguments)).Select(i => d.Hit(i, "RUN uses sudo"))),

        new("MUSTER-DOCKER-010", Type, "Whole build context copied without .dockerignore", Severity.Medium,
            "`COPY . .` with no .dockerignore copies .env files, .git history and local credentials into the image.",
            "Add a .dockerignore (at least `.git`, `.env*`, `*.pem`, `node_modules`) or copy only the needed paths.",
            d => d.HasDockerIgnore ? [] : d.Instructions.Where(i => i.Keyword is "COPY" or "ADD" && CopiesWholeContext(i.Arguments))
                .Select(i => d.Hit(i, $"{i.Keyword} copies the whole build context and no .dockerignore exists beside the Dockerfile"))),

        new("MUSTER-DOCKER-011", Type, "TLS verification disabled in the build", Severity.Medium,
            "`curl -k`, `wget --no-check-certificate` and friends accept any certificate, so a network attacker can swap what gets installed.",
            "Remove the flag; install the CA certificates the build needs (`ca-certificates`).",
            d => d.Instructions.Where(i => i.Keyword is "RUN" or "ENV" && ShellPatterns.TlsVerificationDisabled().IsMatch(i.Arguments))
                .Select(i => d.Hit(i, $"{i.Keyword} disables TLS certificate verification"))),

        new("MUSTER-DOCKER-012", Type, "SSH port exposed", Severity.Low,
            "An SSH server inside a container is a second, usually unpatched, way in; containers are entered with `docker exec`.",
            "Remove the SSH server and `EXPOSE 22`.",
            d => d.Named("EXPOSE").Where(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(p => p is "22" or "22/tcp"))
                .Select(i => d.Hit(i, "EXPOSE 22"))),

        new("MUSTER-DOCKER-013", Type, "World-writable files in the image", Severity.Medium,
            "`chmod 777` or `COPY --chmod=777` lets any process in the container, whatever user it runs as, rewrite the application's code and scripts: one compromised low-privilege process becomes a persistent backdoor.",
            "Give files to the user that needs them (`COPY --chown=app:app`) with `755`/`644`, and make only data folders writable.",
            d => d.Instructions.Where(i => i.Keyword is "RUN" && ShellPatterns.WorldWritable().IsMatch(i.Arguments)
                                           || i.Keyword is "COPY" or "ADD" && WorldWritableChmodFlag().IsMatch(i.Arguments))
                .Select(i => d.Hit(i, $"{i.Keyword} makes files world-writable"))),
    ];

    private static bool CopiesWholeContext(string arguments)
    {
        var parts = arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToArray();
        return parts.Length >= 2 && parts[..^1].Any(p => p is "." or "./");
    }

    private static IEnumerable<RuleHit> RunsAsRoot(DockerfileDocument d)
    {
        if (d.Instructions.Count == 0) return [];
        var stage = d.LastStage;
        var from = d.Instructions.LastOrDefault(i => i.Keyword == "FROM" && i.Stage == stage);
        if (from is null) return [];
        var image = BaseImage(from.Arguments);
        if (image is "scratch" || Regex.IsMatch(image, "nonroot|rootless", RegexOptions.IgnoreCase)) return [];
        // A stage built FROM an earlier stage inherits that stage's USER.
        var stages = new HashSet<int> { stage };
        var aliases = StageAliases(d);
        for (var name = image; aliases.TryGetValue(name, out var s) && stages.Add(s);)
        {
            var parentFrom = d.Instructions.First(i => i.Keyword == "FROM" && i.Stage == s);
            name = BaseImage(parentFrom.Arguments);
        }
        var lastUser = d.Instructions.LastOrDefault(i => i.Keyword == "USER" && stages.Contains(i.Stage));
        if (lastUser is null && NonRootBaseImages.Contains(RootImage(image, aliases, d))) return [];
        if (lastUser is null) return [d.Hit(from, "the final stage sets no USER, so it runs as the base image's user (root unless the base image changes it)")];
        var user = lastUser.Arguments.Split(':')[0].Trim();
        return user is "root" or "0" ? [d.Hit(lastUser, $"the last USER is {lastUser.Arguments}")] : [];
    }

    /// <summary>The external image a stage chain starts from (<c>FROM base AS x</c> … <c>FROM x</c> → base).</summary>
    private static string RootImage(string image, Dictionary<string, int> aliases, DockerfileDocument d)
    {
        var seen = new HashSet<int>();
        while (aliases.TryGetValue(image, out var s) && seen.Add(s))
        {
            image = BaseImage(d.Instructions.First(i => i.Keyword == "FROM" && i.Stage == s).Arguments);
        }
        return image;
    }

    private static Dictionary<string, int> StageAliases(DockerfileDocument d)
    {
        var aliases = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var from in d.Named("FROM"))
        {
            var m = Regex.Match(from.Arguments, @"\s[Aa][Ss]\s+(\S+)\s*$");
            if (m.Success) aliases[m.Groups[1].Value] = from.Stage;
        }
        return aliases;
    }

    private static string BaseImage(string fromArguments) =>
        fromArguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(p => !p.StartsWith("--", StringComparison.Ordinal)) ?? "";

    /// <summary>External base images only: not <c>scratch</c>, not an earlier stage, not an unresolved <c>$ARG</c>.</summary>
    private static IEnumerable<(string Image, string? Tag, DockerInstruction At)> BaseImages(DockerfileDocument d)
    {
        var aliases = StageAliases(d);
        foreach (var from in d.Named("FROM"))
        {
            var image = BaseImage(from.Arguments);
            if (image.Length == 0 || image == "scratch" || image.Contains('$') || aliases.ContainsKey(image)) continue;
            var name = image.Split('@')[0];
            var colon = name.IndexOf(':', name.LastIndexOf('/') + 1);
            yield return (image, colon < 0 ? null : name[(colon + 1)..], from);
        }
    }

    private static IEnumerable<RuleHit> SecretsInEnvOrArg(DockerfileDocument d)
    {
        foreach (var i in d.Instructions.Where(i => i.Keyword is "ENV" or "ARG"))
        {
            foreach (var (key, value) in KeyValues(i))
            {
                if (!SecretValues.IsSecretKey(key)) continue;
                if (i.Keyword == "ENV" && value is not null && SecretValues.IsLiteralSecret(value))
                {
                    yield return d.Hit(i, $"ENV {key} holds a literal secret baked into the image", $"{key}={Redaction.Redact(value)}", key);
                }
                else if (i.Keyword == "ARG")
                {
                    var literal = value is not null && SecretValues.IsLiteralSecret(value);
                    yield return d.Hit(i, $"ARG {key} passes a secret through build arguments, which the image history records",
                        literal ? $"{key}={Redaction.Redact(value!)}" : key, key);
                }
            }
        }
    }

    /// <summary><c>KEY=value KEY2="v 2"</c>, the legacy <c>ENV KEY value</c> form, and bare <c>ARG NAME</c>.</summary>
    private static IEnumerable<(string Key, string? Value)> KeyValues(DockerInstruction i)
    {
        var args = i.Arguments;
        if (!args.Contains('='))
        {
            var space = args.IndexOfAny([' ', '\t']);
            if (space < 0) yield return (args, null);
            else yield return (args[..space], args[(space + 1)..].Trim());
            yield break;
        }
        foreach (Match m in Regex.Matches(args, @"(?<key>[A-Za-z_][A-Za-z0-9_.-]*)=(?<value>""(\\.|[^""])*""|'[^']*'|\S*)|(?<key>[A-Za-z_][A-Za-z0-9_]*)(?=\s|$)"))
        {
            yield return (m.Groups["key"].Value, m.Groups["value"].Success ? m.Groups["value"].Value.Trim('"', '\'') : null);
        }
    }

    [GeneratedRegex(@"--chmod=0?(777|[0-7][0-7][2367])\b")]
    private static partial Regex WorldWritableChmodFlag();
}
