using Muster.Formats.Compose;

namespace Muster.Tests.Formats.Compose;

public class ComposeAsWrittenTests
{
    private static ComposeMapping Read(string yaml) => Assert.IsType<ComposeMapping>(YamlTreeReader.ReadAsWritten(yaml, "compose.yml"));

    private const string Anchored = """
        x-env: &env
          LOG_LEVEL: info
        services:
          api:
            <<: *env
            image: ~
            user: ""
            environment:
              <<: *env
              TOKEN: null
        """;

    [Fact]
    public void Keeps_merge_entries_as_entries_and_looks_keys_up_through_them()
    {
        var api = Assert.IsType<ComposeMapping>(Read(Anchored).Get("services").Get("api"));

        Assert.Equal(["<<", "image", "user", "environment"], api.Entries.Select(e => e.Key));
        var merged = Assert.IsType<ComposeScalar>(api.Get("LOG_LEVEL"));
        Assert.Equal(("info", 2, 14), (merged.Value, merged.Position.Line, merged.Position.Column));
        Assert.Null(api.Get("restart"));
    }

    [Fact]
    public void The_merging_reader_applies_the_same_merge_entries()
    {
        var tree = Assert.IsType<ComposeMapping>(YamlTreeReader.Read(Anchored, "compose.yml"));
        var api = Assert.IsType<ComposeMapping>(tree["services"].Get("api"));

        Assert.Equal(["image", "user", "environment", "LOG_LEVEL"], api.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Scalars_keep_their_text_where_the_merging_reader_reads_null()
    {
        var api = Read(Anchored).Get("services").Get("api");

        Assert.Equal("~", api.Get("image").Text());
        Assert.Equal("", api.Get("user").Text());
        var merging = Assert.IsType<ComposeMapping>(YamlTreeReader.Read(Anchored, "compose.yml"));
        Assert.Null(merging["services"].Get("api").Get("image").Text());
    }

    [Fact]
    public void Environment_pairs_point_at_the_value_and_do_not_expand_merge_entries()
    {
        var pairs = Read(Anchored).Get("services").Get("api").Get("environment").EnvironmentPairs().ToList();

        Assert.Equal(new (string, string?)[] { ("<<", null), ("TOKEN", "null") }, pairs.Select(p => (p.Key, p.Value)));
        Assert.Equal((10, 14), (pairs[1].At.Line, pairs[1].At.Column));
        Assert.Equal((9, 7), (pairs[0].At.Line, pairs[0].At.Column));
    }

    [Fact]
    public void Environment_list_form_splits_at_the_first_equals_sign()
    {
        var pairs = Read("environment:\n  - A=x=y\n  - B\n").Get("environment").EnvironmentPairs().ToList();

        Assert.Equal(new (string, string?)[] { ("A", "x=y"), ("B", null) }, pairs.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void Reads_only_the_first_document_where_the_merging_reader_refuses_several()
    {
        const string yaml = "services: {}\n---\nother: 1\n";

        Assert.Equal(["services"], Read(yaml).Entries.Select(e => e.Key));
        var e = Assert.ThrowsAny<Exception>(() => YamlTreeReader.Read(yaml, "compose.yml"));
        Assert.Contains("several", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skips_keys_that_are_not_text()
    {
        var root = Read("? [a, b]\n: 1\nname: x\n");

        Assert.Equal(["name"], root.Entries.Select(e => e.Key));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("\"true\"", true)]
    [InlineData("false", false)]
    [InlineData("1", false)]
    public void Is_true_reads_yaml_1_1_booleans(string value, bool expected) =>
        Assert.Equal(expected, Read($"privileged: {value}\n").Get("privileged").IsTrue());

    [Fact]
    public void Merged_entries_apply_merge_keys_own_keys_first_then_the_first_source()
    {
        var map = Assert.IsType<ComposeMapping>(Read("""
            x-a: &a { web: a-web, worker: a-worker }
            x-b: &b { worker: b-worker, cron: b-cron }
            services:
              <<: [*a, *b]
              web: own-web
            """).Get("services"));

        Assert.Equal(["web=own-web", "worker=a-worker", "cron=b-cron"], map.MergedEntries().Select(e => $"{e.Key}={e.Value.Text()}"));
        Assert.Equal(1, map.MergedEntries().Single(e => e.Key == "worker").KeyPosition.Line);
    }
}
