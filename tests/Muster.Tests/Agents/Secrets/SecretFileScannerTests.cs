using System.Text;
using Muster.Agents.Secrets;

namespace Muster.Tests.Agents.Secrets;

public class SecretFileScannerTests
{
    private const int Chunk = 64 * 1024;

    [Fact]
    public void A_secret_straddling_a_chunk_boundary_is_found_exactly_once_at_every_split_point()
    {
        var scanner = new SecretFileScanner(new SecretDetector(SecretRuleSet.BuiltIn), Chunk);
        var key = Planted.GitHub(5);
        // The second chunk starts at (Chunk - overlap): put the key across that boundary and across the first one.
        var boundaries = new[] { Chunk, 2 * Chunk - scanner.Overlap };
        foreach (var boundary in boundaries)
        {
            for (var shift = -key.Length - 2; shift <= 2; shift += 3)
            {
                var position = boundary + shift;
                var filler = new StringBuilder();
                while (filler.Length < position) filler.Append("lorem ipsum dolor\n");
                filler.Length = position - 1;
                filler.Append(' ');
                var text = filler + key + "\n" + new string('z', 3 * Chunk);

                var result = scanner.Scan(new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

                var hits = result.Detections.Where(d => d.Rule.Id == "github-pat").ToList();
                Assert.True(hits.Count == 1, $"boundary {boundary} shift {shift}: {hits.Count} hits");
                var hit = hits[0];
                Assert.Equal(position, hit.Offset);
                Assert.Equal(key, hit.Secret);
                Assert.Equal(1 + text[..position].Count(c => c == '\n'), hit.Line);
            }
        }
    }

    [Fact]
    public void A_secret_near_the_end_of_a_64_MB_file_is_found_with_its_line_number()
    {
        var path = Path.Combine(Path.GetTempPath(), "muster-large-" + Guid.NewGuid().ToString("N") + ".log");
        var key = Planted.Anthropic(9);
        long lines = 0;
        try
        {
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
            {
                var line = "2025-12-27T10:00:00Z INFO request served in 12ms path=/api/v1/items status=200 user=anonymous\n";
                long written = 0;
                while (written < 64L * 1024 * 1024)
                {
                    writer.Write(line);
                    written += line.Length;
                    lines++;
                }
                writer.Write("ANTHROPIC_API_KEY=" + key + "\ntrailer\n");
            }
            var scanner = new SecretFileScanner(new SecretDetector(SecretRuleSet.BuiltIn));

            var result = scanner.Scan(path, CancellationToken.None);

            var hit = Assert.Single(result.Detections, d => d.Rule.Id == "anthropic-api-key");
            Assert.Equal(lines + 1, hit.Line);
            Assert.Equal(19, hit.Column);
            Assert.Equal(new FileInfo(path).Length, result.Bytes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Crlf_and_invalid_utf8_around_secrets_do_not_hide_them()
    {
        var key = Planted.GitHub(11);
        var password = Planted.Password(12);
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("first\r\n"));
        bytes.AddRange([0xC3, 0x28, 0xFF, (byte)'\r', (byte)'\n']);
        bytes.AddRange(Encoding.UTF8.GetBytes("token=" + key + "\r\nDB_PASSWORD=" + password + "\r\n"));
        var scanner = new SecretFileScanner(new SecretDetector(SecretRuleSet.BuiltIn));

        var result = scanner.Scan(new MemoryStream(bytes.ToArray()), CancellationToken.None);

        var github = Assert.Single(result.Detections, d => d.Rule.Id == "github-pat");
        Assert.Equal(3, github.Line);
        Assert.Equal(key, github.Secret);
        var pwd = Assert.Single(result.Detections, d => d.Rule.Id == "generic-password");
        Assert.Equal(password, pwd.Secret);
        Assert.Equal(4, pwd.Line);
    }

    [Fact]
    public void Hostile_input_does_not_hang_the_scan()
    {
        // Thousands of keyword hits with near-miss values: every window is regex-checked, none may run away.
        var text = string.Concat(Enumerable.Repeat("password=password=password=:::::::" + new string('a', 200) + "\n", 20_000));
        var scanner = new SecretFileScanner(new SecretDetector(SecretRuleSet.BuiltIn));
        var started = DateTime.UtcNow;

        var result = scanner.Scan(new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
        Assert.Equal(text.Length, result.Bytes);
    }
}
