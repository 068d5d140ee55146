using System.Net.Sockets;
using Muster.Formats.Credentials;
using Muster.Formats.Markdown;
using Muster.Formats.Mcp;
using Muster.Workspace;

namespace Muster.Agents.Preflight;

/// <summary>
/// The checks to run before a long audit or agent session, each seconds at most: folders, credentials by environment
/// variable (format only, never sent or printed), the container engine and probe targets, status documents, and room
/// for the journal.
/// </summary>
public sealed class PreflightRunner(PreflightRequest request)
{
    private static readonly string[] PathKeySuffixes = ["path", "dir", "directory", "folder", "root", "db", "file", "cwd"];

    public async Task<IReadOnlyList<PreflightCheck>> RunAsync(CancellationToken cancellationToken)
    {
        var checks = new List<PreflightCheck>();
        var root = Path.GetFullPath(request.Root);
        checks.Add(Readable("workspace", root, root));
        if (!Directory.Exists(root)) return checks;

        foreach (var (agent, key, value) in PlanPaths())
        {
            var full = Path.GetFullPath(Path.IsPathRooted(value) ? value : Path.Combine(root, value));
            checks.Add(Readable($"plan {agent}.{key}", full, root));
        }
        var state = request.StateDirectory ?? Path.Combine(root, ".muster");
        checks.Add(Writable("journal folder", state, root));
        checks.Add(FreeSpace(state));
        if (request.OutputDirectory is { } output) checks.Add(Writable("output folder", output, root));

        foreach (var credential in Credentials(root, cancellationToken)) checks.Add(credential);

        checks.Add(await ContainerEngineAsync(cancellationToken));
        foreach (var probe in await ProbesAsync(root, cancellationToken)) checks.Add(probe);

        var tooLarge = new List<WorkspaceFile>();
        var documents = StatusDocuments.Find(root, cancellationToken, StatusDocuments.MaxBytes, tooLarge.Add).Select(f => f.RelativePath).ToList();
        checks.AddRange(tooLarge.Select(d => new PreflightCheck("status documents", d.RelativePath, PreflightOutcome.Info,
            $"not read: {d.Length:N0} bytes exceeds the {StatusDocuments.MaxBytes:N0}-byte limit (setting `{StatusDocuments.MaxBytesSetting}`); its claims will not be verified")
        {
            SourcePath = d.RelativePath,
        }));
        checks.Add(documents.Count > 0
            ? new PreflightCheck("status documents", "found", PreflightOutcome.Pass, $"{documents.Count}: {string.Join(", ", documents.Take(8))}{(documents.Count > 8 ? ", …" : "")}")
            : new PreflightCheck("status documents", "found", PreflightOutcome.Info, "none (no *STATUS*.md, README.md or docs/**/*.md): no claims to check"));
        return checks;
    }

    private IEnumerable<(string Agent, string Key, string Value)> PlanPaths()
    {
        if (request.Plan is null) yield break;
        foreach (var agent in request.Plan.Agents)
        {
            foreach (var (key, value) in agent.Settings.Values)
            {
                if (value is string s && s.Length > 0 && PathKeySuffixes.Any(suffix => key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) && !s.Contains('*'))
                {
                    yield return (agent.Id, key, s);
                }
            }
        }
    }

    private static string Show(string path, string root) =>
        Path.GetRelativePath(root, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : path;

    private static PreflightCheck Readable(string area, string path, string root)
    {
        var shown = Show(path, root);
        try
        {
            if (Directory.Exists(path))
            {
                _ = Directory.EnumerateFileSystemEntries(path).FirstOrDefault();
                return new PreflightCheck(area, shown, PreflightOutcome.Pass, "folder exists and is readable");
            }
            if (File.Exists(path))
            {
                using var _ = File.OpenRead(path);
                return new PreflightCheck(area, shown, PreflightOutcome.Pass, "file exists and is readable");
            }
            return new PreflightCheck(area, shown, PreflightOutcome.Fail, "does not exist");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return new PreflightCheck(area, shown, PreflightOutcome.Fail, $"not readable: {e.Message}");
        }
    }

    private static PreflightCheck Writable(string area, string path, string root)
    {
        var shown = Show(path, root);
        // The folder may not exist yet: what matters is that it can be created and written.
        var existing = path;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent) existing = parent;
        try
        {
            var probe = Path.Combine(existing, $".muster-preflight-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return new PreflightCheck(area, shown, PreflightOutcome.Pass, existing == path ? "writable" : $"can be created (in {existing}, writable)");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return new PreflightCheck(area, shown, PreflightOutcome.Fail, $"not writable: {e.Message}");
        }
    }

    private PreflightCheck FreeSpace(string state)
    {
        var existing = state;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent) existing = parent;
        var free = new DriveInfo(existing).AvailableFreeSpace;
        var mb = free / (1024 * 1024);
        return free >= request.MinimumFreeBytes
            ? new PreflightCheck("journal folder", "free space", PreflightOutcome.Pass, $"{mb:N0} MB free")
            : new PreflightCheck("journal folder", "free space", PreflightOutcome.Fail, $"{mb:N0} MB free, needs {request.MinimumFreeBytes / (1024 * 1024):N0} MB");
    }

    private IEnumerable<PreflightCheck> Credentials(string root, CancellationToken cancellationToken)
    {
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var hints = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.Plan is not null)
        {
            foreach (var agent in request.Plan.Agents)
            {
                foreach (var (name, hint) in PlanCredentialVariables(agent.Settings))
                {
                    variables.TryAdd(name, $"plan agent '{agent.Id}'");
                    if (hint is not null) hints.TryAdd(name, hint);
                }
            }
        }
        foreach (var server in new McpConfigReader(root).Read(cancellationToken))
        {
            var values = server.Env.Values.Concat(server.Headers.Values).Concat(server.Args).Append(server.Url ?? "");
            foreach (var name in values.SelectMany(McpValueReferences.EnvironmentVariables))
            {
                variables.TryAdd(name, $"MCP server '{server.Name}' ({server.SourcePath}:{server.Line})");
            }
        }
        foreach (var (name, source) in variables) yield return CheckCredential(request, name, source, hints.GetValueOrDefault(name));
    }

    /// <summary>
    /// Variables a plan agent reads credentials from: <c>api-key-env: NAME</c>, and <c>env-from</c> as a list of names or
    /// a mapping CHILD_NAME: NAME (the child's name also says which provider's format to expect).
    /// </summary>
    private static IEnumerable<(string Name, string? Hint)> PlanCredentialVariables(AgentSettings settings)
    {
        if (settings.Values.GetValueOrDefault("api-key-env") is string key && key.Length > 0) yield return (key, null);
        switch (settings.Values.GetValueOrDefault("env-from"))
        {
            case string single when single.Length > 0:
                yield return (single, null);
                break;
            case IReadOnlyList<object?> list:
                foreach (var name in list.OfType<string>()) yield return (name, null);
                break;
            case IReadOnlyDictionary<string, object?> map:
                foreach (var (child, value) in map)
                {
                    if (value is string name && name.Length > 0) yield return (name, child);
                }
                break;
        }
    }

    /// <summary>Presence and provider format of one variable; the value itself is never shown.</summary>
    public static PreflightCheck CheckCredential(PreflightRequest request, string name, string source, string? providerHint = null)
    {
        var value = request.Environment(name);
        if (string.IsNullOrEmpty(value)) return new PreflightCheck("credential", name, PreflightOutcome.Fail, $"missing (needed by {source})");
        var expected = CredentialFormats.ExpectedFor(name).Concat(providerHint is null ? [] : CredentialFormats.ExpectedFor(providerHint)).Distinct().ToList();
        if (expected.Count == 0) return new PreflightCheck("credential", name, PreflightOutcome.Pass, $"present (no known format for this name; needed by {source})");
        var match = expected.FirstOrDefault(f => f.Pattern.IsMatch(value.Trim()));
        return match is not null
            ? new PreflightCheck("credential", name, PreflightOutcome.Pass, $"present, matches {match.Description} format")
            : new PreflightCheck("credential", name, PreflightOutcome.Fail,
                $"present but malformed: does not match {string.Join(" or ", expected.Select(f => f.Description).Distinct())} format ({value.Length} characters)");
    }

    private async Task<PreflightCheck> ContainerEngineAsync(CancellationToken cancellationToken)
    {
        var socket = ContainerEnginePing.SocketPath(request.Environment);
        var error = await ContainerEnginePing.PingAsync(socket, request.NetworkTimeout, request.Time, cancellationToken);
        if (error is null) return new PreflightCheck("container engine", socket, PreflightOutcome.Pass, "answered GET /_ping");
        var needed = request.Plan?.Agents.Any(a => a.Kind == "infra-state") == true;
        return new PreflightCheck("container engine", socket, needed ? PreflightOutcome.Fail : PreflightOutcome.Info,
            $"not reachable: {error}" + (needed ? " (the plan has an infra-state agent)" : " (no agent of the plan needs it)"));
    }

    private async Task<List<PreflightCheck>> ProbesAsync(string root, CancellationToken cancellationToken)
    {
        var manifest = request.Plan?.Agents.Where(a => a.Kind == "infra-state").Select(a => a.Settings.GetString("services-file")).FirstOrDefault(f => f is not null);
        var targets = ProbeTargets.Find(root, manifest).DistinctBy(t => (t.Host, t.Port)).ToList();
        var results = await Task.WhenAll(targets.Select(async t =>
        {
            var error = await ConnectAsync(t.Host, t.Port, cancellationToken);
            return new PreflightCheck("probe target", $"{t.Service} {t.Host}:{t.Port}", error is null ? PreflightOutcome.Pass : PreflightOutcome.Fail,
                error is null ? "accepts TCP connections" : $"not reachable: {error}")
            { SourcePath = t.Path, SourceLine = t.Line };
        }));
        return results.ToList();
    }

    private async Task<string?> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(request.NetworkTimeout, request.Time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, bounded.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {request.NetworkTimeout.TotalSeconds:0.#} s";
        }
        catch (SocketException e)
        {
            return e.Message;
        }
    }
}
