using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Muster.Formats.Packages.Model;
using Muster.Tests.Agents.Secrets;
using Muster.Tests.TestSupport;

namespace Muster.Tests.Agents.Dependencies;

public sealed class SourceUrlRedactionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("muster-srcurl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("git+https://alice:s3cr3t@git.example.invalid/x.git", "git+https://***@git.example.invalid/x.git")]
    [InlineData("git+https://tokenonly@git.example.invalid/x.git#v1", "git+https://***@git.example.invalid/x.git#v1")]
    [InlineData("pkg @ git+https://u:p@ss@h.invalid/x.git ; python_version>'3'", "pkg @ git+https://***@h.invalid/x.git ; python_version>'3'")]
    [InlineData("https://h.invalid/x.tgz", "https://h.invalid/x.tgz")]
    [InlineData("git@github.com:o/r.git", "git@github.com:o/r.git")]
    [InlineData("^1.2.3", "^1.2.3")]
    [InlineData("git+ssh://git@github.com/o/r.git#semver:^1", "git+ssh://git@github.com/o/r.git#semver:^1")]
    [InlineData("ssh://hg@bitbucket.org/o/r", "ssh://hg@bitbucket.org/o/r")]
    [InlineData("ssh://deploy@git.example.invalid/o/r.git", "ssh://***@git.example.invalid/o/r.git")]
    [InlineData("https://u:p%40ss%2Fw@h.invalid/x", "https://***@h.invalid/x")]
    [InlineData("https://u:p/ss@h.invalid/x", "https://***@h.invalid/x")]
    [InlineData("https://h.invalid:8443/x@v1", "https://h.invalid:8443/x@v1")]
    [InlineData("https://h.invalid/@scope/pkg/-/pkg-1.0.0.tgz", "https://h.invalid/@scope/pkg/-/pkg-1.0.0.tgz")]
    [InlineData("https://@h.invalid/x", "https://@h.invalid/x")]
    [InlineData("a https://u:t@h.invalid/x b http://v:w@i.invalid c", "a https://***@h.invalid/x b http://***@i.invalid c")]
    [InlineData("{\"url\":\"https://u:t@h.invalid/x\",\"mail\":\"a@b.invalid\"}", "{\"url\":\"https://***@h.invalid/x\",\"mail\":\"a@b.invalid\"}")]
    [InlineData("--index-url=https://__token__:t@h.invalid/simple/", "--index-url=https://***@h.invalid/simple/")]
    [InlineData("://u:t@h.invalid", "://u:t@h.invalid")]
    [InlineData("see x@y.invalid and https://h.invalid", "see x@y.invalid and https://h.invalid")]
    public void Userinfo_is_replaced_by_a_mask_and_the_rest_is_kept(string input, string expected) =>
        Assert.Equal(expected, SourceUrl.Redact(input));

    [Fact]
    public void A_url_without_userinfo_is_returned_as_the_same_instance()
    {
        var text = "git+https://h.invalid/x.git#0123456789abcdef";
        Assert.Same(text, SourceUrl.Redact(text));
    }

    [Fact]
    public void Hostile_scheme_like_runs_are_redacted_in_one_pass_without_a_timeout()
    {
        // A long run of scheme characters, then many URLs: a backtracking pattern would rescan the run at every
        // offset; the redaction must still hold for every URL.
        var token = Planted.GitHub(1803);
        var text = new string('a', 200_000) + string.Concat(Enumerable.Repeat($" git+https://ci:{token}@h.invalid/x.git", 2_000));

        var redacted = SourceUrl.Redact(text);

        Assert.Equal(-1, LeakCheck.FirstRunIn(redacted, token));
        Assert.Equal(2_000, redacted.Split("git+https://***@h.invalid/x.git").Length - 1);
    }

    [Fact]
    public async Task A_credential_in_a_lockfile_or_manifest_url_reaches_neither_the_sbom_nor_report_json()
    {
        var token = Planted.GitHub(1801);
        var password = Planted.GitHub(1802); // no '#': requirements.txt would read the rest of the line as a comment
        var root = Path.Combine(_dir, "ws");
        Write(root, "web/package.json", $$"""{ "dependencies": { "priv": "git+https://ci:{{token}}@git.example.invalid/priv.git" } }""");
        Write(root, "web/package-lock.json", $$"""
            { "lockfileVersion": 1, "dependencies": {
              "priv": { "version": "git+https://ci:{{token}}@git.example.invalid/priv.git#0123456789abcdef0123456789abcdef01234567" } } }
            """);
        Write(root, "api/requirements.txt", $"internal @ git+https://deploy:{password}@git.example.invalid/internal.git\n-e git+https://{token}@git.example.invalid/tool.git#egg=tool\n");
        var output = Path.Combine(_dir, "out");
        var sbom = Path.Combine(_dir, "sbom.cdx.json");

        var (code, _, stderr) = await CliRunner.RunAsync("audit", root, "--output", output, "--sbom", sbom, "--fail-on", "none");

        Assert.True(code is 0 or 1, stderr);
        var sbomText = Unescaped(File.ReadAllText(sbom));
        Assert.Contains("git+https://***@git.example.invalid/priv.git", sbomText, StringComparison.Ordinal);
        Assert.Contains("git+https://***@git.example.invalid/internal.git", sbomText, StringComparison.Ordinal);
        var reportJson = Unescaped(File.ReadAllText(Path.Combine(output, "report.json")));
        var spdx = Path.Combine(_dir, "sbom.spdx.json");
        var (spdxCode, _, spdxStderr) = await CliRunner.RunAsync("audit", root, "--output", output + "-spdx", "--sbom", spdx, "--sbom-format", "spdx", "--fail-on", "none");
        Assert.True(spdxCode is 0 or 1, spdxStderr);
        var spdxText = Unescaped(File.ReadAllText(spdx));
        Assert.Contains("git+https://***@git.example.invalid/internal.git", spdxText, StringComparison.Ordinal);
        foreach (var (name, text) in new[] { ("sbom", sbomText), ("spdx", spdxText), ("report.json", reportJson), ("stderr", stderr), ("spdx stderr", spdxStderr) })
        {
            foreach (var secret in new[] { token, password })
            {
                LeakCheck.AssertNone(text, secret, name);
            }
        }
    }

    // JSON writers escape '+' and friends; compare against the decoded text so an escaped leak still counts.
    private static string Unescaped(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static void Write(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
