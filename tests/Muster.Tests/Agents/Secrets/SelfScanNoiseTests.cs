namespace Muster.Tests.Agents.Secrets;

/// <summary>Generic-rule noise found by running Muster's secrets agent over Muster's own repository.</summary>
public sealed class SelfScanNoiseTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("muster-noise-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("Bench.cs", "Console.WriteLine($\"muster secrets: {generated.Bytes / 1048576.0:N0} MB tree\");")]
    [InlineData("Extract.cs", "var tokens = lines[i].Tokens;")]
    [InlineData("plan.yaml", "env-from: {GITHUB_TOKEN: MUSTER_GH_TOKEN}")]
    [InlineData("docs.md", "| `pricing` | per million tokens. Default: src/Muster/Agents/Llm/llm-pricing.muster.yaml |")]
    [InlineData("deploy.sh", ": \"${DB_PASSWORD:?set DB_PASSWORD}\"")]
    [InlineData("rules.yaml", "match: ['ANTHROPIC_API_KEY=sk-ant-api03-{b64url:93}AA']")]
    public async Task Code_templates_paths_and_variable_names_are_not_secrets(string file, string line)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, file), line + "\n");

        var result = await SecretsAgentRunner.RunAsync(_root);

        Assert.Empty(result.Secrets());
    }

    [Theory]
    [InlineData("app.env", "DB_PASSWORD=Tr0ub4dor&3x")]
    [InlineData("notes.md", "Database password: q7#Lm2!xZ")]
    [InlineData("settings.yaml", "api_token: \"9fQ2xLr7Tz4wKp1Vn8Hs3Bd6\"")]
    public async Task Real_looking_values_in_the_same_shapes_are_still_found(string file, string line)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, file), line + "\n");

        var result = await SecretsAgentRunner.RunAsync(_root);

        Assert.Single(result.Secrets());
    }
}
