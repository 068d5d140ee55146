using Muster.Agents.ConfigAudit;

namespace Muster.Tests.Agents.ConfigAudit;

public sealed class GitIgnoreMatcherTests
{
    [Theory]
    [InlineData(".env", true)]
    [InlineData("app/.env", true)]
    [InlineData(".env.example", false)]
    [InlineData(".env.local", true)]
    [InlineData("secrets/prod.env", true)]
    [InlineData("build/out/.env", true)]
    [InlineData("docs/.env", false)]
    [InlineData("config/local/.env", true)]
    [InlineData("configs/.env.staging", true)]
    [InlineData("configs/env.staging", false)]
    public void Matches_like_git(string path, bool ignored)
    {
        var matcher = new GitIgnoreMatcher([
            (".gitignore", "# env files\n.env\n.env.*\n!.env.example\n/secrets/\nbuild/\n"),
            ("docs/.gitignore", "!.env\n"),
            ("config/.gitignore", "**/local/**\n"),
        ]);
        Assert.Equal(ignored, matcher.IsIgnored(path));
    }

    [Fact]
    public void Anchored_patterns_only_match_from_their_folder()
    {
        var matcher = new GitIgnoreMatcher([(".gitignore", "/.env\nsub/*.env\n")]);
        Assert.True(matcher.IsIgnored(".env"));
        Assert.False(matcher.IsIgnored("app/.env"));
        Assert.True(matcher.IsIgnored("sub/prod.env"));
        Assert.False(matcher.IsIgnored("sub/deeper/prod.env"));
    }
}
