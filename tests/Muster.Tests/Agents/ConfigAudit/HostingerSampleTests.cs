namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>The sample VPS files carry the seed's real weaknesses; the audit finds exactly those, at the right lines.</summary>
public sealed class HostingerSampleTests
{
    private static readonly string[] SampleFiles = ["nginx.conf", "deploy.sh", "Dockerfile"];

    [Fact]
    public async Task Finds_the_planted_weaknesses_in_the_hostinger_vps_sample()
    {
        using var harness = new ConfigAuditHarness();
        var sample = Path.Combine(RepositoryRoot(), "samples", "ecosystem", "hostinger-vps");
        foreach (var name in SampleFiles) harness.Write("hostinger-vps/" + name, File.ReadAllText(Path.Combine(sample, name)));

        var result = await harness.RunAsync();

        var found = result.Findings.Select(f => $"{f.RuleId} {f.Location}").Order(StringComparer.Ordinal).ToList();
        string[] expected =
        [
            "MUSTER-DOCKER-001 hostinger-vps/Dockerfile:2:1",
            "MUSTER-DOCKER-005 hostinger-vps/Dockerfile:2:1",
            "MUSTER-DOCKER-007 hostinger-vps/Dockerfile:6:1",
            "MUSTER-DOCKER-008 hostinger-vps/Dockerfile:6:1",
            "MUSTER-DOCKER-010 hostinger-vps/Dockerfile:11:1",
            "MUSTER-NGINX-001 hostinger-vps/nginx.conf:24:5",
            "MUSTER-NGINX-002 hostinger-vps/nginx.conf:59:5",
            "MUSTER-NGINX-003 hostinger-vps/nginx.conf:66:9",
            "MUSTER-NGINX-007 hostinger-vps/nginx.conf:100:13",
            "MUSTER-NGINX-013 hostinger-vps/nginx.conf:14:5",
            "MUSTER-SHELL-001 hostinger-vps/deploy.sh:14:5",
            "MUSTER-SHELL-002 hostinger-vps/deploy.sh:36:5",
        ];
        Assert.Equal(expected, found);
        var undefined = result.Findings.Single(f => f.RuleId == "MUSTER-NGINX-007");
        Assert.Contains("simstudio_backend", undefined.Message, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Muster.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Muster.slnx not found above " + AppContext.BaseDirectory);
    }
}
