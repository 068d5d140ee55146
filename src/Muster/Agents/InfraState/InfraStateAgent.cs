using System.Globalization;
using Muster.Agents.InfraState.Nginx;
using Muster.Agents.InfraState.Probes;
using Muster.Formats.Compose;
using Muster.Formats.Markdown;
using Muster.Formats.Services;
using Muster.Model;

namespace Muster.Agents.InfraState;

/// <summary>
/// Compares what the workspace declares (compose files, muster.services.yaml) and claims (status documents) with what
/// runs: the container engine, HTTP/TCP/process probes. Per service and per claim it reports drift with both numbers;
/// what it cannot observe is UNVERIFIED, never fine.
/// </summary>
internal sealed class InfraStateAgent : IAgent
{
    public static readonly AgentDescriptor Descriptor =
        new("infra-state", AgentRole.Verification,
            "Verifies infrastructure claims: compose services and status documents against the container engine and probes.",
            () => new InfraStateAgent())
        {
            Metrics = [GateMetricNames.UndocumentedServices, GateMetricNames.Claims],
            Settings = InfraStateSettings.Docs,
            ValidateSettings = s => InfraStateSettings.From(s),
            SoftTimeout = TimeSpan.FromMinutes(1),
            HardTimeout = TimeSpan.FromMinutes(5),
        };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var time = context.Time;
        var started = time.GetTimestamp();
        var settings = InfraStateSettings.From(context.Settings);
        var environment = context.Environment.Variables();
        var engineTimeout = settings.EngineTimeout;
        var probeTimeout = settings.ProbeTimeout;
        var tlsWarnDays = settings.TlsWarnDays;

        context.ReportProgress("reading compose files and status documents");
        var readStarted = time.GetTimestamp();
        var inputs = InfraInputs.Read(context.Root, settings, environment, cancellationToken);
        var readTime = time.GetElapsedTime(readStarted);
        var profiles = settings.Profiles is { Count: > 0 } p ? p
            : inputs.Manifest.Profiles ?? (environment.TryGetValue("COMPOSE_PROFILES", out var cp)
                ? cp.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : []);

        context.ReportProgress("probing the container engine and declared services");
        var engineTask = settings.Engine
            ? new ContainerEngineProbe(engineTimeout, time).ProbeAsync(
                DockerEndpoints.Candidates(settings.DockerHost, n => environment.GetValueOrDefault(n)), cancellationToken)
            : Task.FromResult(EngineSnapshot.Unreachable("(disabled)", "engine probing is disabled by the 'engine: false' setting", TimeSpan.Zero));
        var probeTasks = inputs.Manifest.Services.SelectMany(s => Probes(s, probeTimeout, time, cancellationToken)).ToList();
        probeTasks.AddRange(inputs.ProxyTargets.Where(t => ProxyTargetVerifier.IsLoopback(t.Host) && t.Port is not null).DistinctBy(t => t.Address)
            .Select(t => TcpProbe.RunAsync("nginx:" + t.Address, t.Host, t.Port!.Value, probeTimeout, time, cancellationToken)));
        await Task.WhenAll(probeTasks.Cast<Task>().Append(engineTask)).ConfigureAwait(false);
        var snapshot = await engineTask.ConfigureAwait(false);
        var probes = probeTasks.Select(t => t.Result).ToList();

        var services = ServiceReality.Map(inputs.Projects, profiles, snapshot.Containers);
        var findings = new List<Finding>();
        findings.AddRange(ComposeFindings(inputs));
        findings.AddRange(DocumentsNotRead(inputs));
        if (snapshot.Reachable)
        {
            findings.AddRange(ServiceDriftAnalyzer.Analyze(services, snapshot, new HashSet<string>(StringComparer.Ordinal)));
        }
        else if (inputs.Projects.Any(pr => pr.Services.Count > 0) || inputs.Claims.Count > 0)
        {
            findings.Add(ServiceDriftAnalyzer.Make(InfraRules.EngineUnreachable, Severity.High, "Container engine unreachable: running state UNVERIFIED",
                $"No container engine answered ({snapshot.Error}); none of the {services.Count(s => s.Expected)} declared services " +
                $"and none of the claims about running containers could be verified.",
                "Run the audit where the engine is reachable: set DOCKER_HOST or the 'docker-host' setting (unix:///path/docker.sock or tcp://host:2375).",
                UnverifiedAt(inputs), new Dictionary<string, string> { ["endpoint"] = snapshot.Endpoint, ["error"] = snapshot.Error ?? "" }, snapshot.Endpoint));
        }
        var manifestProbes = probes.Where(x => !x.Service.StartsWith("nginx:", StringComparison.Ordinal)).ToList();
        findings.AddRange(ProbeFindings(inputs, manifestProbes, tlsWarnDays, context.Time.GetUtcNow()));
        findings.AddRange(ProxyTargetVerifier.Verify(inputs.ProxyTargets, services, snapshot, probes));
        var verifier = new StatusClaimVerifier(inputs.Projects, services, snapshot, inputs.Manifest, probes);
        findings.AddRange(verifier.Verify(inputs.Claims));
        var undocumented = DocumentationCoverage.UndocumentedServices(inputs.Projects, inputs.DocumentTexts, inputs.Documents.Count);
        findings.AddRange(undocumented);
        findings = findings.Select(f => f with
        {
            AgentId = context.AgentId,
            Message = context.Scrubber.Scrub(f.Message),
            Properties = f.Properties.ToDictionary(kv => kv.Key, kv => context.Scrubber.Scrub(kv.Value)),
        }).ToList();

        var components = InfrastructureReport.Components(inputs.Projects, services, snapshot, inputs.Manifest, probes, verifier.Verdicts);
        var totalTime = time.GetElapsedTime(started);
        var verdicts = verifier.Verdicts;
        var metrics = new Dictionary<string, double>
        {
            ["compose_projects"] = inputs.Projects.Count,
            ["services_declared"] = inputs.Projects.Sum(x => x.Services.Count),
            ["services_expected"] = services.Count(s => s.Expected),
            ["services_up"] = services.Count(s => s.Expected && s.FullyUp),
            ["documents"] = inputs.Documents.Count,
            ["documents_not_read"] = inputs.DocumentsNotRead.Count,
            [GateMetricNames.UndocumentedServices] = undocumented.Count,
            [GateMetricNames.Claims] = verdicts.Count,
            ["claims_verified"] = verdicts.Count(v => v.Verdict == Verdict.Verified),
            ["claims_drifted"] = verdicts.Count(v => v.Verdict == Verdict.Drifted),
            ["claims_unverified"] = verdicts.Count(v => v.Verdict == Verdict.Unverified),
            ["engine_reachable"] = snapshot.Reachable ? 1 : 0,
            ["containers"] = snapshot.Containers.Count,
            ["engine_ping_ms"] = Ms(snapshot.PingTime),
            ["engine_list_ms"] = Ms(snapshot.ListTime),
            ["engine_inspect_ms"] = Ms(snapshot.InspectTime),
            ["nginx_targets"] = inputs.ProxyTargets.Count,
            ["probes"] = probes.Count,
            ["probes_failed"] = probes.Count(x => !x.Passed),
            ["probe_max_ms"] = probes.Count > 0 ? probes.Max(x => Ms(x.Elapsed)) : 0,
            ["read_inputs_ms"] = Ms(readTime),
            ["total_ms"] = Ms(totalTime),
        };
        return new AgentResult
        {
            Findings = findings,
            Artifacts =
            [
                InfrastructureReport.Markdown(components, verdicts, snapshot, probes),
                InfrastructureReport.Json(components, verdicts, snapshot, probes),
            ],
            Metrics = metrics,
            Summary = Summary(inputs, services, snapshot, verdicts, probes),
        };
    }

    private static string Summary(InfraInputs inputs, IReadOnlyList<ServiceReality> services, EngineSnapshot snapshot, IReadOnlyList<ClaimVerdict> verdicts,
        IReadOnlyList<ProbeResult> probes)
    {
        var expected = services.Count(s => s.Expected);
        var engine = snapshot.Reachable
            ? $"engine {snapshot.Endpoint} (API {snapshot.ApiVersion}): {services.Count(s => s.Expected && s.FullyUp)} of {expected} expected services up, {snapshot.Containers.Count} containers"
            : $"engine UNREACHABLE ({snapshot.Endpoint}): running state of {expected} expected services UNVERIFIED";
        return $"{inputs.Projects.Count} compose project(s), {inputs.Projects.Sum(p => p.Services.Count)} services declared; {engine}; " +
               $"{verdicts.Count} claims in {inputs.Documents.Count} documents: {verdicts.Count(v => v.Verdict == Verdict.Verified)} verified, " +
               $"{verdicts.Count(v => v.Verdict == Verdict.Drifted)} drifted, {verdicts.Count(v => v.Verdict == Verdict.Unverified)} UNVERIFIED; " +
               $"{probes.Count(p => p.Passed)} of {probes.Count} probes pass." +
               (inputs.DocumentsNotRead.Count > 0 ? " " + SkippedInputFindings.SummaryClause(inputs.DocumentsNotRead.Count, "status document", "status documents") : "");
    }

    private static IEnumerable<Task<ProbeResult>> Probes(DeclaredService service, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var limit = service.Timeout ?? timeout;
        if (service.HttpUrl is { } url) yield return HttpProbe.RunAsync(service.Name, url, service.HttpExpect, limit, time, ct);
        if (service.TcpHost is { } host) yield return TcpProbe.RunAsync(service.Name, host, service.TcpPort, limit, time, ct);
        if (service.Process is { } process) yield return Task.Run(() => ProcessProbe.Run(service.Name, process, time), ct);
    }

    private static IEnumerable<Finding> ProbeFindings(InfraInputs inputs, IReadOnlyList<ProbeResult> probes, int tlsWarnDays, DateTimeOffset now)
    {
        var manifestPath = inputs.ManifestPath ?? ServiceManifest.FileName;
        foreach (var error in inputs.Manifest.Errors)
        {
            yield return ServiceDriftAnalyzer.Make(InfraRules.ManifestInvalid, Severity.Medium, "muster.services.yaml entry cannot be used",
                error.Message + ".", error.Fix, new SourceLocation(manifestPath, error.Position.Line, error.Position.Column),
                new Dictionary<string, string>(), error.Position.ToString());
        }
        foreach (var probe in probes)
        {
            var line = inputs.Manifest.Services.FirstOrDefault(s => s.Name == probe.Service)?.Line ?? 0;
            var props = new Dictionary<string, string>
            {
                ["service"] = probe.Service,
                ["kind"] = probe.Kind,
                ["target"] = probe.Target,
                ["detail"] = probe.Detail,
                ["ms"] = Ms(probe.Elapsed).ToString("0.#", CultureInfo.InvariantCulture),
            };
            if (!probe.Passed)
            {
                yield return ServiceDriftAnalyzer.Make(InfraRules.ProbeFailed, Severity.High, $"Probe failed: {probe.Service} ({probe.Kind})",
                    $"{probe.Kind} probe of '{probe.Service}' at {probe.Target} failed: {probe.Detail}.",
                    "Start or fix the service, or correct the probe in muster.services.yaml.", new SourceLocation(manifestPath, line), props,
                    probe.Service + "|" + probe.Kind);
            }
            if (probe.CertificateNotAfter is { } notAfter && notAfter - now < TimeSpan.FromDays(tlsWarnDays))
            {
                var days = (int)Math.Floor((notAfter - now).TotalDays);
                yield return ServiceDriftAnalyzer.Make(InfraRules.TlsExpiring, days < 0 ? Severity.High : Severity.Medium,
                    $"TLS certificate of {probe.Service} {(days < 0 ? "has expired" : "expires soon")}",
                    $"The certificate served at {probe.Target} is valid until {notAfter:yyyy-MM-dd} ({days} days).",
                    "Renew the certificate (and automate renewal, e.g. certbot renew in a timer).", new SourceLocation(manifestPath, line), props,
                    probe.Service + "|tls");
            }
        }
    }

    // The documentation gate counts these as claims left unverified: an unread document's claims are not known to hold.
    private static IEnumerable<Finding> DocumentsNotRead(InfraInputs inputs) =>
        inputs.DocumentsNotRead.Select(d => SkippedInputFindings.TooLarge(InfraRules.Category, d.RelativePath, d.Length, inputs.MaxDocumentBytes,
                StatusDocuments.MaxBytesSetting, "the status claims it makes were not checked, and the services it documents were not counted as documented") with
        {
            Properties = new Dictionary<string, string>
            {
                ["size"] = d.Length.ToString(CultureInfo.InvariantCulture),
                ["limit"] = inputs.MaxDocumentBytes.ToString(CultureInfo.InvariantCulture),
                ["setting"] = StatusDocuments.MaxBytesSetting,
                ["verification"] = "unverified",
            },
        });

    private static IEnumerable<Finding> ComposeFindings(InfraInputs inputs)
    {
        foreach (var reference in inputs.OutsideReferences)
        {
            yield return OutsideReferenceFindings.Create(InfraRules.Category, "the services manifest names as a compose file", reference,
                new SourceLocation(inputs.ManifestPath ?? ServiceManifest.FileName));
        }
        foreach (var d in inputs.Projects.SelectMany(p => p.Diagnostics).Distinct())
        {
            var location = new SourceLocation(d.Position.File, d.Position.Line, d.Position.Column);
            var props = new Dictionary<string, string> { ["code"] = d.Code };
            yield return d.Level switch
            {
                _ when d.Code == ComposeLoader.OutsideCode => ServiceDriftAnalyzer.Make(OutsideReferenceFindings.RuleId, Severity.Low,
                    OutsideReferenceFindings.Title, d.Message + ".", OutsideReferenceFindings.Remediation, location, props, d.Position + d.Message),
                ComposeDiagnosticLevel.Error => ServiceDriftAnalyzer.Make(InfraRules.ComposeInvalid, Severity.Medium, "Compose file cannot be read as written",
                    d.Message + ".", d.Fix + ".", location, props, d.Position + d.Code),
                ComposeDiagnosticLevel.Advice when d.Code == "yaml11-sexagesimal-port" => ServiceDriftAnalyzer.Make(InfraRules.ComposeYaml11Port, Severity.Low,
                    "Unquoted port mapping reads as a base-60 number in YAML 1.1", d.Message + ".", d.Fix + ".", location, props, d.Position.ToString()),
                _ => ServiceDriftAnalyzer.Make(InfraRules.ComposeUnsetVariable, Severity.Info, "Compose variable is not set", d.Message + ".", d.Fix + ".",
                    location, props, d.Position + d.Code),
            };
        }
    }

    private static double Ms(TimeSpan t) => Math.Round(t.TotalMilliseconds, 1);

    /// <summary>Where an unreachable engine matters first: the first compose file, else the first claim (SARIF needs a location).</summary>
    private static SourceLocation? UnverifiedAt(InfraInputs inputs) =>
        inputs.Projects.Where(p => p.Services.Count > 0).SelectMany(p => p.Files).Select(f => new SourceLocation(f, 1)).FirstOrDefault()
        ?? inputs.Claims.Select(c => new SourceLocation(c.File, c.Line)).FirstOrDefault();
}
