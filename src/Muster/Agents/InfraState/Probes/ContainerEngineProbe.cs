using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Version = System.Version;

namespace Muster.Agents.InfraState.Probes;

/// <summary>
/// Reads every container from the first docker-compatible engine that answers. The API version is negotiated from the
/// engine's <c>/_ping</c> answer (engines refuse versions newer than theirs, and current ones refuse very old ones);
/// each container is inspected because list responses carry health only from API 1.52 on.
/// </summary>
public sealed class ContainerEngineProbe(TimeSpan timeout, TimeProvider time)
{
    /// <summary>The newest Engine API version this client is written against.</summary>
    public static readonly Version NewestKnownApi = new(1, 52);

    public async Task<EngineSnapshot> ProbeAsync(IReadOnlyList<Uri> endpoints, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var started = time.GetTimestamp();
        foreach (var endpoint in endpoints)
        {
            Version serverApi;
            try
            {
                serverApi = await PingAsync(endpoint, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or System.Net.Sockets.SocketException or FormatException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                errors.Add($"{Display(endpoint)}: {Describe(e)}");
                continue;
            }
            var pingTime = time.GetElapsedTime(started);
            var api = serverApi < NewestKnownApi ? serverApi : NewestKnownApi;
            try
            {
                return await ReadAsync(endpoint, api, pingTime, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or TaskCanceledException or TimeoutException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                errors.Add($"{Display(endpoint)} answered ping (API {api}) but listing containers failed: {Describe(e)}");
            }
        }
        return EngineSnapshot.Unreachable(string.Join(", ", endpoints.Select(Display)), string.Join("; ", errors), time.GetElapsedTime(started));
    }

    private async Task<Version> PingAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(timeout, time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        using var http = EngineHttp.Create(endpoint, timeout);
        using var response = await http.GetAsync("_ping", cts.Token).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var header = response.Headers.TryGetValues("Api-Version", out var values) ? values.FirstOrDefault() : null;
        return header is not null && Version.TryParse(header, out var v)
            ? v
            : throw new FormatException("the endpoint answered /_ping without an Api-Version header; it is not a docker-compatible engine");
    }

    private async Task<EngineSnapshot> ReadAsync(Uri endpoint, Version api, TimeSpan pingTime, CancellationToken cancellationToken)
    {
        using var client = new DockerClientBuilder().WithEndpoint(endpoint).WithApiVersion(api).WithTimeout(timeout).Build();
        using var limit = new CancellationTokenSource(timeout * 3, time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        var listStarted = time.GetTimestamp();
        var version = await client.System.GetVersionAsync(cts.Token).ConfigureAwait(false);
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, cts.Token).ConfigureAwait(false);
        var listTime = time.GetElapsedTime(listStarted);
        var inspectStarted = time.GetTimestamp();
        using var gate = new SemaphoreSlim(8);
        var observed = await Task.WhenAll(containers.Select(async c =>
        {
            await gate.WaitAsync(cts.Token).ConfigureAwait(false);
            try
            {
                return await InspectAsync(client, c, cts.Token).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        var inspectTime = time.GetElapsedTime(inspectStarted);
        return new EngineSnapshot
        {
            Reachable = true,
            Endpoint = Display(endpoint),
            ApiVersion = api.ToString(),
            EngineVersion = version.Version,
            Containers = observed.OrderBy(o => o.Name, StringComparer.Ordinal).ToList(),
            PingTime = pingTime,
            ListTime = listTime,
            InspectTime = inspectTime,
        };
    }

    private static async Task<ContainerObservation> InspectAsync(DockerClient client, ContainerListResponse listed, CancellationToken cancellationToken)
    {
        var labels = listed.Labels ?? new Dictionary<string, string>();
        var observation = new ContainerObservation
        {
            Id = listed.ID,
            Name = (listed.Names?.FirstOrDefault() ?? listed.ID).TrimStart('/'),
            Image = listed.Image ?? "",
            State = listed.State ?? "unknown",
            ComposeProject = labels.TryGetValue("com.docker.compose.project", out var p) ? p : null,
            ComposeService = labels.TryGetValue("com.docker.compose.service", out var s) ? s : null,
            Health = NormalizeHealth(listed.Health?.Status),
        };
        try
        {
            var detail = await client.Containers.InspectContainerAsync(listed.ID, cancellationToken).ConfigureAwait(false);
            return observation with
            {
                State = detail.State?.Status ?? observation.State,
                ExitCode = detail.State is { } st && st.Status is "exited" or "dead" ? st.ExitCode : null,
                RestartCount = detail.RestartCount,
                Health = NormalizeHealth(detail.State?.Health?.Status) ?? observation.Health,
            };
        }
        catch (DockerContainerNotFoundException)
        {
            return observation with { State = "removed" };
        }
    }

    /// <summary>Docker reports no healthcheck as a missing Health object (or "none"); podman as an empty status.</summary>
    internal static string? NormalizeHealth(string? status) =>
        string.IsNullOrWhiteSpace(status) || status.Equals("none", StringComparison.OrdinalIgnoreCase)
            ? null
            : status.ToLower(CultureInfo.InvariantCulture);

    internal static string Display(Uri endpoint) => endpoint.Scheme == "unix" ? "unix://" + endpoint.AbsolutePath : endpoint.GetLeftPart(UriPartial.Authority);

    private static string Describe(Exception e) => e switch
    {
        TaskCanceledException => "no answer in time",
        HttpRequestException { InnerException: System.Net.Sockets.SocketException se } => se.SocketErrorCode switch
        {
            System.Net.Sockets.SocketError.AddressNotAvailable or System.Net.Sockets.SocketError.ConnectionRefused => "nothing listens there",
            _ => se.Message,
        },
        _ => e.Message,
    };
}
