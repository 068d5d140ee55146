using Muster.Gaps;
using Muster.Model;

namespace Muster.Tests.Agents.Secrets;

public sealed class SecretGapGroupingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("muster-gapgroup-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task One_key_in_several_files_is_one_rotate_gap_with_every_location()
    {
        var key = Planted.GitHub(11);
        var other = Planted.GitHub(12);
        Directory.CreateDirectory(Path.Combine(_root, "a"));
        await File.WriteAllTextAsync(Path.Combine(_root, "a", "deploy.env"), $"GITHUB_TOKEN={key}\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "ci.env"), $"TOKEN={key}\n");
        await File.WriteAllTextAsync(Path.Combine(_root, "notes.env"), $"GH_TOKEN={other}\n");

        var result = await SecretsAgentRunner.RunAsync(_root);
        var register = GapRegister.Build(result.Findings.Select(f => f.WithDefaultFingerprint()).ToList(), OwnerResolver.Defaults);

        var secretGaps = register.Gaps.Where(g => g.RuleIds.Any(r => r.StartsWith("secrets/github", StringComparison.Ordinal))).ToList();
        Assert.Equal(2, secretGaps.Count);
        var shared = Assert.Single(secretGaps, g => g.Locations.Count == 2);
        Assert.Equal(["a/deploy.env", "ci.env"], shared.Locations.Select(l => l.Path).Order(StringComparer.Ordinal));
        Assert.StartsWith("Rotate the exposed", shared.Action, StringComparison.Ordinal);
        Assert.DoesNotContain(key, string.Join('\n', register.Gaps.Select(g => g.Key + g.Title + g.Action)), StringComparison.Ordinal);
    }
}
