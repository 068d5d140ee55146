using System.Text.Json;
using Muster.Agents.Secrets;
using Muster.Cli;

namespace Muster.Tests.Cli;

public sealed class BaselineCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-baseline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task After_a_baseline_only_new_secrets_are_reported()
    {
        // Built at run time: never a committed credential-shaped value.
        var random = new Random(7);
        string Key() => Muster.Tests.Agents.Secrets.Planted.GitHub(random.Next());
        var ws = Path.Combine(_dir, "ws");
        Directory.CreateDirectory(ws);
        await File.WriteAllTextAsync(Path.Combine(ws, "deploy.env"), $"GITHUB_TOKEN={Key()}\n");

        var (code, _, stderr) = await Run("baseline", ws);
        Assert.Equal(0, code);
        Assert.Contains("baseline of 2 secret finding(s)", stderr, StringComparison.Ordinal);
        var baselineText = await File.ReadAllTextAsync(Path.Combine(ws, SecretsBaseline.DefaultRelativePath));
        Assert.DoesNotContain("ghp_", baselineText, StringComparison.Ordinal);

        var quiet = await SecretFindings(ws, "quiet");
        Assert.Empty(quiet);

        await File.AppendAllTextAsync(Path.Combine(ws, "deploy.env"), $"# rotated\nGITHUB_TOKEN_NEW={Key()}\n");
        var loud = await SecretFindings(ws, "loud");
        var finding = Assert.Single(loud);
        Assert.Equal(3, finding.GetProperty("location").GetProperty("line").GetInt32());
    }

    private async Task<List<JsonElement>> SecretFindings(string ws, string name)
    {
        var output = Path.Combine(_dir, name);
        var (code, _, stderr) = await Run("audit", ws, "--output", output, "--format", "json", "--fail-on", "none");
        Assert.True(code is 0 or 1, stderr);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")));
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("agentId").GetString() == "secrets" && f.GetProperty("category").GetString() == "security"
                        && f.GetProperty("ruleId").GetString()!.Contains("github", StringComparison.Ordinal))
            .Select(f => f.Clone()).ToList();
    }

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRunner.RunAsync(args);
}
