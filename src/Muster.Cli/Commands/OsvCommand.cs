using System.CommandLine;
using Muster.Agents.Dependencies.Osv;
using Muster.Agents.Dependencies.OsvUpdate;
using Muster.Cli.Progress;
using Muster.Engine.Plans;

namespace Muster.Cli.Commands;

/// <summary><c>muster osv update</c>: downloads the offline OSV database the dependency audit checks against.</summary>
internal static class OsvCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("osv", "Manage the offline OSV advisory database of the dependency audit.");
        command.Subcommands.Add(Update(cli));
        return command;
    }

    private static Command Update(CliContext cli)
    {
        var ecosystems = new Option<string[]>("--ecosystems", "-e")
        {
            Description = $"Ecosystems to download, comma-separated (default: {string.Join(",", OsvEcosystems.Audited)}; known: {string.Join(", ", OsvEcosystems.Known)}).",
            AllowMultipleArgumentsPerToken = true,
        };
        var dir = new Option<string?>("--dir") { Description = "Database folder (default: $XDG_CACHE_HOME/muster/osv or ~/.cache/muster/osv, which muster audit then uses by itself)." };
        var url = new Option<string?>("--url") { Description = $"Base URL of the OSV export bucket (default: ${OsvEcosystems.BaseUrlVariable} or {OsvEcosystems.DefaultBaseUrl})." };
        var timeout = new Option<int>("--timeout") { Description = "Longest one ecosystem's download may take, in seconds.", DefaultValueFactory = _ => 1800 };
        var command = new Command("update", "Download the ecosystems' all.zip exports from the public OSV bucket: only what changed, verified, swapped in atomically.");
        command.Options.Add(ecosystems);
        command.Options.Add(dir);
        command.Options.Add(url);
        command.Options.Add(timeout);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(dir) is { } d ? Path.GetFullPath(d)
                : OsvCacheFolder.Default(Environment.GetEnvironmentVariable) ?? throw new UsageException("no home folder to keep the cache in; pass --dir DIR");
            var seconds = parse.GetValue(timeout);
            if (seconds < 1) throw new UsageException($"--timeout must be at least 1 second, not {seconds}");
            var options = new OsvUpdateOptions
            {
                Directory = folder,
                BaseUrl = BaseUrl(parse.GetValue(url), Environment.GetEnvironmentVariable),
                Ecosystems = Ecosystems(parse.GetValue(ecosystems) ?? []),
                TotalTimeout = TimeSpan.FromSeconds(seconds),
                Time = cli.Time,
            };
            var results = cli.Interactive
                ? await DownloadProgress.RunLiveAsync(cli.ErrorConsole, new OsvUpdater(options), cancellationToken)
                : await new OsvUpdater(options).RunAsync(new DownloadLines(cli.Error), cancellationToken);
            foreach (var result in results) cli.Out.WriteLine(result.ToString());
            foreach (var other in results.Where(r => r.Outcome != OsvUpdateOutcome.Failed && !OsvEcosystems.IsAudited(r.Ecosystem)))
            {
                cli.Out.WriteLine($"note: the dependency audit does not match {other.Ecosystem} packages; only {string.Join(", ", OsvEcosystems.Audited)} are checked");
            }
            var isDefault = parse.GetValue(dir) is null;
            cli.Out.WriteLine(isDefault
                ? $"OSV database: {folder} (muster audit uses it when no --osv-db is given)"
                : $"OSV database: {folder} (pass --osv-db {folder} to muster audit)");
            return results.Any(r => r.Outcome == OsvUpdateOutcome.Failed) ? ExitCodes.GateFailed : ExitCodes.Passed;
        });
        return command;
    }

    /// <summary>OSV's spellings of the requested ecosystems, in order and once each; an unknown one is a usage error with a suggestion.</summary>
    internal static IReadOnlyList<string> Ecosystems(IEnumerable<string> values)
    {
        var requested = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (requested.Count == 0) return OsvEcosystems.Audited;
        var chosen = new List<string>();
        foreach (var name in requested)
        {
            var canonical = OsvEcosystems.Canonical(name);
            if (canonical is null)
            {
                var hint = Suggest.Closest(name, OsvEcosystems.Known) is { } close ? $"; did you mean '{close}'?" : "";
                throw new UsageException($"--ecosystems: unknown ecosystem '{name}'{hint} Known: {string.Join(", ", OsvEcosystems.Known)}");
            }
            if (!chosen.Contains(canonical, StringComparer.Ordinal)) chosen.Add(canonical);
        }
        return chosen;
    }

    /// <summary><c>--url</c>, else <c>$MUSTER_OSV_URL</c>, else the public bucket; an http(s) URL.</summary>
    internal static Uri BaseUrl(string? option, Func<string, string?> environment)
    {
        var (text, from) = option is { Length: > 0 } ? (option, "--url")
            : environment(OsvEcosystems.BaseUrlVariable) is { Length: > 0 } env ? (env, OsvEcosystems.BaseUrlVariable)
            : (OsvEcosystems.DefaultBaseUrl, "default");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UsageException($"{from}: '{text}' is not an http(s) URL; give the bucket's base, e.g. {OsvEcosystems.DefaultBaseUrl}");
        return uri;
    }
}
