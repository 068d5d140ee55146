using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Muster.Formats.Packages.Model;
using Muster.Tests.Agents.Secrets;

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
    public void Userinfo_is_replaced_by_a_mask_and_the_rest_is_kept(string input, string expected) =>
        Assert.Equal(expected, SourceUrl.Redact(input));

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
        foreach (var (name, text) in new[] { ("sbom", sbomText), ("report.json", reportJson), ("stderr", stderr) })
        {
            foreach (var secret in new[] { token, password })
            {
                Assert.True(LeakOffset(text, secret) < 0, $"{name} holds a 12-character run of a planted value (offset {LeakOffset(text, secret)})");
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

    // Any 12-character run of the secret counts as a leak; shorter values must not appear whole.
    private static int LeakOffset(string text, string secret)
    {
        var window = Math.Min(12, secret.Length);
        for (var i = 0; i + window <= secret.Length; i++)
        {
            if (text.Contains(secret.AsSpan(i, window), StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}
