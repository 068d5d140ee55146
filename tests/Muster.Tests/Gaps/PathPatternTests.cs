using Muster.Gaps;

namespace Muster.Tests.Gaps;

public class PathPatternTests
{
    [Theory]
    [InlineData("*.env", "a/b/.env", true)]
    [InlineData("*.env", "prod.env", true)]
    [InlineData("*.env", "a.envx", false)]
    [InlineData("/build/", "build/out.txt", true)]
    [InlineData("/build/", "src/build/out.txt", false)]
    [InlineData("build/", "build", false)]
    [InlineData("docs", "docs/a/b.md", true)]
    [InlineData("docs", "src/docs/a.md", true)]
    [InlineData("docs/*.md", "docs/a.md", true)]
    [InlineData("docs/*.md", "docs/sub/a.md", false)]
    [InlineData("docs/*.md", "x/docs/a.md", false)]
    [InlineData("**/keys/*", "a/b/keys/k.txt", true)]
    [InlineData("apps/**/config.json", "apps/config.json", true)]
    [InlineData("apps/**/config.json", "apps/a/b/config.json", true)]
    [InlineData("fil?.txt", "file.txt", true)]
    [InlineData("fil?.txt", "fil/.txt", false)]
    [InlineData("a+b(c).txt", "a+b(c).txt", true)]
    public void Matches_like_gitignore(string pattern, string path, bool expected) =>
        Assert.Equal(expected, PathPattern.Parse(pattern).Matches(path));
}
