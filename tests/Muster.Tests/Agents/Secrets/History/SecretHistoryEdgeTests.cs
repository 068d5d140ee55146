using System.Text;
using Muster.Agents.Secrets;
using Muster.Agents.Secrets.History;
using Muster.Workspace.Processes;

namespace Muster.Tests.Agents.Secrets.History;

/// <summary>History read with the tree's rules for encodings and allow-lists; a repository whose history cannot be read is said to be unverified.</summary>
public sealed class SecretHistoryEdgeTests
{
    private static string Settings(int seed) => $"ANTHROPIC_API_KEY = \"{Planted.Anthropic(seed)}\"\n";

    [Fact]
    public async Task A_deleted_UTF16_file_is_decoded_and_its_key_found_at_its_line()
    {
        using var repo = new HistoryRepo();
        var full = Path.Combine(repo.Root, "scripts", "keys.ps1");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, "# set up\r\n" + Settings(301), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        var added = repo.Commit("powershell output");
        repo.Remove("delete", "scripts/keys.ps1");

        var result = await SecretsAgentRunner.RunAsync(repo.Root);

        var finding = Assert.Single(result.Secrets());
        Assert.Equal(("scripts/keys.ps1", 2, added), (finding.Location!.Path, finding.Location.Line, finding.Properties["commit"]));
    }

    [Fact]
    public async Task Allow_paths_and_skipped_folders_apply_to_history_paths()
    {
        using var repo = new HistoryRepo();
        repo.Commit("keys", ("fixtures/keys.py", Settings(302)), ("node_modules/pkg/keys.js", Settings(303)), ("app/keys.py", Settings(304)));
        repo.Remove("delete", "fixtures/keys.py", "node_modules/pkg/keys.js", "app/keys.py");

        var result = await SecretsAgentRunner.RunAsync(repo.Root, new Dictionary<string, object?> { ["allow-paths"] = "fixtures/**" });

        var finding = Assert.Single(result.Secrets());
        Assert.Equal("app/keys.py", finding.Location!.Path);
        Assert.Contains("2 excluded paths", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_git_a_repositorys_history_is_an_INFO_finding_saying_it_was_not_verified()
    {
        using var repo = new HistoryRepo();
        repo.Commit("key", ("app/keys.py", Settings(305)));
        var scan = new SecretHistoryScan(new SecretFileScanner(new SecretDetector(SecretRuleSet.BuiltIn)), _ => true, TimeProvider.System, SystemProcessStarter.Instance, gitSearchPath: "/nonexistent-bin");

        var history = await scan.RunAsync(repo.Root, HistoryScope.All, HistoryScope.DefaultMaxCommits, _ => { }, CancellationToken.None);

        Assert.Contains("git is not installed", history.NotVerified, StringComparison.Ordinal);
        var note = Assert.Single(HistoryNoteFindings.From(history, "secrets"));
        Assert.Equal(HistoryNoteFindings.UnverifiedRuleId, note.RuleId);
        Assert.Contains("git history not verified (git is not installed", HistoryNoteFindings.Summary(history), StringComparison.Ordinal);
    }
}
