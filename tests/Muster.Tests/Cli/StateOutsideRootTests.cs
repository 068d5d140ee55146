using System.Text.Json;
using Muster.Tests.Agents.Secrets;

namespace Muster.Tests.Cli;

/// <summary>With <c>--state</c> elsewhere, an audit leaves the audited tree exactly as it found it.</summary>
public sealed class StateOutsideRootTests : IDisposable
{
    private readonly TempTree _root = new();
    private readonly TempTree _state = new();

    public void Dispose()
    {
        _root.Dispose();
        _state.Dispose();
    }

    [Fact]
    public async Task An_audit_with_state_elsewhere_writes_nothing_under_the_root_and_keeps_its_salt_in_the_state_folder()
    {
        File.WriteAllText(Path.Combine(_root.Path, "app.env"), $"GITHUB_TOKEN={Planted.GitHub(21)}\n");
        var before = Listing(_root.Path);

        var first = await AuditAsync("one");
        var second = await AuditAsync("two");

        Assert.Equal(before, Listing(_root.Path));
        Assert.True(File.Exists(Path.Combine(_state.Path, "salt")));
        // The same state folder, the same salt: the secret's fingerprint is stable across runs.
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_salt_already_under_the_root_is_read_not_replaced()
    {
        File.WriteAllText(Path.Combine(_root.Path, "app.env"), $"GITHUB_TOKEN={Planted.GitHub(22)}\n");
        var withRootSalt = await AuditAsync("rooted", stateInRoot: true);
        var before = Listing(_root.Path);

        var withStateElsewhere = await AuditAsync("elsewhere");

        Assert.Equal(before, Listing(_root.Path));
        Assert.False(File.Exists(Path.Combine(_state.Path, "salt")));
        Assert.Equal(withRootSalt, withStateElsewhere);
    }

    private async Task<string> AuditAsync(string name, bool stateInRoot = false)
    {
        var output = Path.Combine(_state.Path, "out-" + name);
        string[] state = stateInRoot ? [] : ["--state", _state.Path];
        var (code, _, err) = await CliRunner.RunAsync(["audit", _root.Path, .. state, "--output", output, "--format", "json", "--quiet"]);
        Assert.True(code is 0 or 1, err);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        return report.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("ruleId").GetString() == "secrets/github-pat")
            .GetProperty("fingerprint").GetString()!;
    }

    private static string Listing(string root) => string.Join('\n',
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p)).Order(StringComparer.Ordinal));
}
