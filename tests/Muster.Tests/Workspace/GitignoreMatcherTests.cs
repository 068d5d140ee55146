using Muster.Workspace;

namespace Muster.Tests.Workspace;

public class GitignoreMatcherTests
{
    private static GitignoreMatcher Matcher(string rootContent, string? subDir = null, string? subContent = null)
    {
        var matcher = new GitignoreMatcher();
        matcher.Add("", rootContent);
        if (subDir is not null) matcher.Add(subDir, subContent!);
        return matcher;
    }

    [Theory]
    [InlineData(".env", ".env", true)]
    [InlineData(".env", "config/.env", true)]
    [InlineData("/.env", "config/.env", false)]
    [InlineData("/.env", ".env", true)]
    [InlineData("*.pem", "keys/server.pem", true)]
    [InlineData("*.pem", "keys/server.pem.txt", false)]
    [InlineData("config/", "config/.env", true)]
    [InlineData("config/", "other/config", false)]
    [InlineData("Keys-api/*.txt", "Keys-api/anthropic-api.txt", true)]
    [InlineData("Keys-api/*.txt", "x/Keys-api/anthropic-api.txt", false)]
    [InlineData("**/secrets/*.json", "a/b/secrets/db.json", true)]
    [InlineData("logs/**", "logs/2024/app.log", true)]
    [InlineData("a/**/z", "a/b/c/z", true)]
    [InlineData("a/**/z", "a/z", true)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file[0-9].txt", "filex.txt", false)]
    [InlineData("# comment\n\n", "# comment", false)]
    public void Single_pattern(string gitignore, string path, bool ignored) =>
        Assert.Equal(ignored, Matcher(gitignore).IsIgnored(path));

    [Fact]
    public void Negation_re_includes_and_last_match_wins()
    {
        var matcher = Matcher(".env*\n!.env.example\n");

        Assert.True(matcher.IsIgnored(".env"));
        Assert.True(matcher.IsIgnored(".env.local"));
        Assert.False(matcher.IsIgnored(".env.example"));
    }

    [Fact]
    public void Nothing_under_an_excluded_folder_can_be_re_included()
    {
        var matcher = Matcher("secrets/\n!secrets/keep.txt\n");

        Assert.True(matcher.IsIgnored("secrets/keep.txt"));
    }

    [Fact]
    public void Deeper_gitignore_applies_to_its_folder_and_overrides_the_root()
    {
        var matcher = Matcher("*.txt\n", "docs", "!readme.txt\nlocal.md\n");

        Assert.False(matcher.IsIgnored("docs/readme.txt"));
        Assert.True(matcher.IsIgnored("notes.txt"));
        Assert.True(matcher.IsIgnored("docs/local.md"));
        Assert.False(matcher.IsIgnored("local.md"));
    }

    [Fact]
    public void Loads_gitignore_files_found_by_the_walker()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "config/.env\n");
        tree.Write("sub/.gitignore", "*.key\r\n");
        tree.Write("config/.env", "X=1");
        var files = new WorkspaceWalker(tree.Path).EnumerateFiles().ToList();

        var matcher = GitignoreMatcher.FromFiles(files);

        Assert.True(matcher.IsIgnored("config/.env"));
        Assert.True(matcher.IsIgnored("sub/a.key"));
        Assert.False(matcher.IsIgnored("a.key"));
    }

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
    public void Env_files_across_nested_gitignores_match_like_git(string path, bool ignored)
    {
        var matcher = new GitignoreMatcher();
        matcher.Add("", "# env files\n.env\n.env.*\n!.env.example\n/secrets/\nbuild/\n");
        matcher.Add("config", "**/local/**\n");
        matcher.Add("docs", "!.env\n");

        Assert.Equal(ignored, matcher.IsIgnored(path));
    }

    [Fact]
    public void Anchored_patterns_only_match_from_their_folder()
    {
        var matcher = Matcher("/.env\nsub/*.env\n");

        Assert.True(matcher.IsIgnored(".env"));
        Assert.False(matcher.IsIgnored("app/.env"));
        Assert.True(matcher.IsIgnored("sub/prod.env"));
        Assert.False(matcher.IsIgnored("sub/deeper/prod.env"));
    }
}
