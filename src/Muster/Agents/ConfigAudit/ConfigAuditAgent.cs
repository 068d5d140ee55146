using Muster.Formats.Nginx;
using Muster.Model;
using Muster.Workspace;

namespace Muster.Agents.ConfigAudit;

/// <summary>
/// Static audit of deployment configuration: compose files, Dockerfiles, nginx configs, .env files and deploy
/// scripts, against the rules in <see cref="ConfigRuleCatalog"/>. Reads files only; never contacts a service.
/// </summary>
internal sealed class ConfigAuditAgent : IAgent
{
    public const string Category = "configuration";

    public static readonly AgentDescriptor Descriptor =
        new("config-audit", AgentRole.Scanner,
            $"Audits compose files, Dockerfiles, nginx configs, .env files and deploy scripts against {ConfigRuleCatalog.All.Count} configuration rules.",
            () => new ConfigAuditAgent())
        {
            Settings = ConfigAuditSettings.Docs,
            ValidateSettings = s => ConfigAuditSettings.From(s),
        };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var settings = ConfigAuditSettings.From(context.Settings);
        var disabled = settings.Disabled;
        var maxBytes = settings.MaxFileBytes;
        var gitTimeout = settings.GitTimeout;
        var walker = new WorkspaceWalker(context.Root, new WalkOptions
        {
            Include = settings.Include,
            Exclude = settings.Exclude,
        });
        var files = ConfigFileSet.Collect(walker, maxBytes, cancellationToken);
        context.ReportProgress($"{files.FileCount} config files");

        var findings = new List<Finding>();
        var ruleErrors = 0;
        void Run<TDocument>(IEnumerable<ConfigRule<TDocument>> rules, TDocument document, string label)
        {
            foreach (var rule in rules)
            {
                if (disabled.Contains(rule.Id)) continue;
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    foreach (var hit in rule.Check(document)) findings.Add(ToFinding(context, rule, hit));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ruleErrors++;
                    findings.Add(CheckFailed(context, rule, label, e));
                }
            }
        }

        // What was read, by type: the record of what this audit did and did not check.
        var audited = new List<(string Type, string Path)>();
        var composeGroups = files.ComposeFileGroups();
        foreach (var group in composeGroups)
        {
            audited.AddRange(group.Files.Select(f => ("compose", f.Path)));
            Run(ComposeRules.All, group, group.Files[0].Path);
        }
        foreach (var dockerfile in files.Dockerfiles())
        {
            audited.Add(("dockerfile", dockerfile.Path));
            Run(DockerfileRules.All, dockerfile, dockerfile.Path);
        }
        var composeServices = composeGroups.SelectMany(p => p.ServiceNames).ToHashSet(StringComparer.Ordinal);
        var nginxSelection = files.NginxConfigs(settings.NginxPrefix);
        var nginx = nginxSelection.Audited;
        var upstreams = nginx.SelectMany(c => c.FindAll("upstream")).Where(u => u.IsBlock).Select(u => u.Arg0).ToHashSet(StringComparer.Ordinal);
        foreach (var config in nginx)
        {
            audited.AddRange(config.Files.Select(f => ("nginx", f)));
            Run(NginxRules.All, new NginxAuditDocument(config, upstreams, composeServices), config.Path);
        }
        audited.AddRange(nginxSelection.Unloaded.Select(p => ("nginx-not-loaded", p)));
        Run(NginxRules.Selection, nginxSelection, "nginx files");
        var env = await files.EnvDocumentAsync(gitTimeout, context.Processes, cancellationToken);
        audited.AddRange(env.EnvFiles.Select(f => ("env", f.Path)));
        Run(EnvRules.All, env, "env files");
        foreach (var script in files.ShellScripts())
        {
            audited.Add(("shell", script.Path));
            Run(ShellScriptRules.All, script, script.Path);
        }
        var unreadable = files.Skipped.Distinct(StringComparer.Ordinal).Select(p => (Path: p, Message: "it could not be read"))
            .Concat(walker.Errors.Select(e => (Path: e.RelativePath, e.Message))).ToList();
        audited.AddRange(files.TooLarge.Select(f => ("not-audited-too-large", f.RelativePath)));
        audited.AddRange(unreadable.Select(u => ("not-audited", u.Path)));
        findings.AddRange(files.TooLarge.Select(f => SkippedInputFindings.TooLarge(Category, f.RelativePath, f.Length, maxBytes, "max-file-bytes",
            "no configuration rule was checked against it") with
        { AgentId = context.AgentId }));
        findings.AddRange(unreadable.Select(u => ScanError(context, u.Path, u.Message)));

        var ordered = findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Location?.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
        var notAudited = files.TooLarge.Count + unreadable.Count;
        return new AgentResult
        {
            Findings = ordered,
            Artifacts =
            [
                new Artifact("config-audit-files.tsv", "text/tab-separated-values",
                    "type\tpath\n" + string.Concat(audited.Distinct().Select(a => $"{a.Type}\t{a.Path}\n"))),
            ],
            Summary = $"{ConfigRuleCatalog.All.Count - disabled.Count} rules over " +
                      $"{composeGroups.Sum(p => p.Files.Count)} compose, {files.DockerfileCount} Dockerfile, {nginx.Count} nginx, " +
                      $"{env.EnvFiles.Count} env and {files.ShellScriptCount} shell files: {ordered.Count} findings." +
                      (files.TooLarge.Count > 0 ? " " + SkippedInputFindings.SummaryClause(files.TooLarge.Count, "config file", "config files", files.TooLarge.Select(f => f.RelativePath)) : "") +
                      (unreadable.Count > 0 ? $" {unreadable.Count} unreadable, not audited: {string.Join(", ", unreadable.Select(u => u.Path).Take(10))}." : "") +
                      (ruleErrors > 0 ? $" {ruleErrors} rule checks failed and are reported as unverified." : ""),
            Metrics = new Dictionary<string, double>
            {
                ["rules"] = ConfigRuleCatalog.All.Count,
                ["compose_files"] = composeGroups.Sum(p => p.Files.Count),
                ["dockerfiles"] = files.DockerfileCount,
                ["nginx_configs"] = nginx.Count,
                ["env_files"] = env.EnvFiles.Count,
                ["shell_scripts"] = files.ShellScriptCount,
                ["findings"] = ordered.Count,
                ["not_audited_files"] = notAudited,
                ["rule_errors"] = ruleErrors,
                ["elapsed_ms"] = context.Time.GetElapsedTime(started).TotalMilliseconds,
            },
        };
    }

    // Test infrastructure (a compose file under tests/, a fixture Dockerfile) runs on developer machines and CI, not in
    // production: what it gets wrong is real but rated at most MEDIUM, and the message says why.
    private static Finding ToFinding(AgentContext context, IConfigRule rule, RuleHit hit)
    {
        var capped = rule.Severity > Severity.Medium && PathContext.Of(hit.Path) == PathContext.Test;
        return new Finding
        {
            RuleId = rule.Id,
            Title = rule.Title,
            Severity = capped ? Severity.Medium : rule.Severity,
            Category = Category,
            Message = context.Scrubber.Scrub(hit.Message) + (capped
                ? $" Test material (a test path): rated MEDIUM instead of {rule.Severity.ToLabel()}; it matters as much as that once the file is used outside tests."
                : ""),
            Location = new SourceLocation(hit.Path, hit.Line, hit.Column),
            Evidence = hit.Evidence is null ? null : context.Scrubber.Scrub(hit.Evidence),
            Remediation = rule.Remediation,
            AgentId = context.AgentId,
            Properties = Properties(rule),
        }.WithDefaultFingerprint(hit.Discriminator ?? hit.Message);
    }

    // Rules about a literal secret in a file: the secrets agent may report the same value on the same line.
    private static readonly HashSet<string> LiteralSecretRules = new(StringComparer.Ordinal) { "MUSTER-COMPOSE-010", "MUSTER-DOCKER-004", "MUSTER-SHELL-006" };

    private static Dictionary<string, string> Properties(IConfigRule rule)
    {
        var properties = new Dictionary<string, string> { ["file-type"] = rule.FileType, ["rationale"] = rule.Rationale };
        if (LiteralSecretRules.Contains(rule.Id)) properties[GapHints.JoinsSecretOnSameLine] = "true";
        return properties;
    }

    private static Finding ScanError(AgentContext context, string path, string message) => new Finding
    {
        RuleId = "MUSTER-SCAN-ERROR",
        Title = "File or folder could not be read",
        Severity = Severity.Info,
        Category = Category,
        Message = $"Not audited: {message}",
        Location = new SourceLocation(path),
        Remediation = "Make the path readable by the user running Muster, or exclude it explicitly.",
        AgentId = context.AgentId,
    }.WithDefaultFingerprint(message);

    private static Finding CheckFailed(AgentContext context, IConfigRule rule, string label, Exception e) => new Finding
    {
        RuleId = "MUSTER-CONFIG-UNVERIFIED",
        Title = "Configuration rule could not be checked",
        Severity = Severity.Medium,
        Category = Category,
        Message = context.Scrubber.Scrub($"UNVERIFIED: rule {rule.Id} failed on {label}: {e.GetType().Name}: {e.Message}"),
        Location = new SourceLocation(label),
        Remediation = "Report this as a Muster bug with the file shape; check the rule manually meanwhile.",
        AgentId = context.AgentId,
    }.WithDefaultFingerprint(rule.Id);
}
