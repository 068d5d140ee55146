using System.Text;

namespace Muster.Tests.Agents.Secrets;

public class SecretsEncodingTests
{
    [Fact]
    public async Task A_key_in_a_utf16le_file_written_like_PowerShell_Out_File_is_found_at_its_character_column()
    {
        using var tree = new TempTree();
        var key = Planted.GitHub(141);
        // Windows PowerShell 5: `"GITHUB_TOKEN=..." | Out-File keys.txt` writes UTF-16LE with a byte-order mark and CRLF.
        var content = "# deploy keys, written by setup.ps1\r\nGITHUB_TOKEN=" + key + "\r\n";
        File.WriteAllBytes(Path.Combine(tree.Path, "keys.txt"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(content)]);
        File.WriteAllBytes(Path.Combine(tree.Path, "bom-less.txt"), new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetBytes("token: " + Planted.GitHub(142) + "\n"));

        var result = await SecretsAgentRunner.RunAsync(tree.Path);

        var finding = Assert.Single(result.Secrets(), f => f.Location!.Path == "keys.txt");
        Assert.Equal("secrets/github-pat", finding.RuleId);
        Assert.Equal(new Muster.Model.SourceLocation("keys.txt", 2, 14), finding.Location);
        Assert.Single(result.Secrets(), f => f.Location!.Path == "bom-less.txt");
        Assert.Equal(2, result.Metrics["utf16_files"]);
        Assert.Equal(0, result.Metrics["binary_skipped"]);
        Assert.Contains("2 decoded from UTF-16", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.Summary + string.Join("", result.Findings.Select(f => f.Message + f.Evidence)), StringComparison.Ordinal);
    }
}
