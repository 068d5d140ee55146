using Muster.Formats.Packages.Versions;

namespace Muster.Tests.Agents.Dependencies;

public sealed class VersionRangeTests
{
    [Theory]
    [InlineData("^1.2.3", "1.2.3", true)]
    [InlineData("^1.2.3", "1.9.0", true)]
    [InlineData("^1.2.3", "2.0.0", false)]
    [InlineData("^1.2.3", "2.0.0-rc.1", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("^0.x", "0.9.9", true)]
    [InlineData("~1.2.3", "1.2.9", true)]
    [InlineData("~1.2.3", "1.3.0", false)]
    [InlineData("~1", "1.9.0", true)]
    [InlineData("1.x", "1.4.0", true)]
    [InlineData("1.2.*", "1.3.0", false)]
    [InlineData("*", "9.9.9", true)]
    [InlineData("", "0.0.1", true)]
    [InlineData("1.2.3 - 2.3", "2.3.9", true)]
    [InlineData("1.2.3 - 2.3", "2.4.0", false)]
    [InlineData("1.2.3 - 2.3.4", "2.3.4", true)]
    [InlineData(">=1.0.0 <1.5.0 || >=2.0.0", "1.7.0", false)]
    [InlineData(">=1.0.0 <1.5.0 || >=2.0.0", "2.1.0", true)]
    [InlineData(">= 4.17.0", "4.17.21", true)]
    [InlineData(">1.2", "1.2.9", false)]
    [InlineData(">1.2", "1.3.0", true)]
    [InlineData("<=1.2", "1.2.9", true)]
    [InlineData("<1.2", "1.1.9", true)]
    [InlineData("4.17.20", "4.17.20+build.5", true)]
    [InlineData("4.17.20", "4.17.21", false)]
    [InlineData(">=1.2.3-beta.1 <2", "1.2.3-beta.2", true)]
    [InlineData(">=1.2.3-beta.1 <2", "1.3.0-beta.2", false)]
    public void Npm_ranges_follow_node_semver(string range, string version, bool expected)
    {
        var scheme = NpmVersionScheme.Instance;
        Assert.True(scheme.TryParseRange(range, out var r, out var error), error);
        Assert.Equal(expected, scheme.Satisfies(r, version));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("github:user/repo")]
    [InlineData("file:../lib")]
    public void Npm_tags_and_urls_are_not_ranges(string spec) =>
        Assert.False(NpmVersionScheme.Instance.TryParseRange(spec, out _, out _));

    [Theory]
    [InlineData(">=1.2,<2", "1.9", true)]
    [InlineData(">=1.2,<2", "2.0", false)]
    [InlineData(">=1.2,<2", "2.0rc1", false)]
    [InlineData(">=1.2,<2", "1.9.post1", true)]
    [InlineData("<2.0rc2", "2.0rc1", true)]
    [InlineData("~=1.4.5", "1.4.9", true)]
    [InlineData("~=1.4.5", "1.5.0", false)]
    [InlineData("~=2.2", "2.9", true)]
    [InlineData("~=2.2", "3.0", false)]
    [InlineData("==1.2.*", "1.2.7", true)]
    [InlineData("==1.2.*", "1.20", false)]
    [InlineData("!=1.5.*,>=1", "1.5.2", false)]
    [InlineData("!=1.5.*,>=1", "1.6", true)]
    [InlineData("==1.0", "1.0+local.7", true)]
    [InlineData("==1.0", "1.0.0", true)]
    [InlineData("^1.2.3", "1.9", true)]
    [InlineData("^1.2.3", "2.0", false)]
    [InlineData("^0.2", "0.3", false)]
    [InlineData("~1.2", "1.2.9", true)]
    [InlineData("~1.2", "1.3", false)]
    [InlineData(">=1.2 <2.0", "1.5", true)]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("*", "0.1", true)]
    public void Pep440_specifiers_and_poetry_constraints(string range, string version, bool expected)
    {
        var scheme = Pep440VersionScheme.Instance;
        Assert.True(scheme.TryParseRange(range, out var r, out var error), error);
        Assert.Equal(expected, scheme.Satisfies(r, version));
    }

    [Theory]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "9.0.0", true)]
    [InlineData("1.2.3", "1.2.2", false)]
    [InlineData("[1.2.3]", "1.2.4", false)]
    [InlineData("[1.0,2.0)", "2.0", false)]
    [InlineData("[1.0,2.0)", "1.9.9.9", true)]
    [InlineData("(,1.0]", "1.0", true)]
    [InlineData("(1.0,)", "1.0", false)]
    [InlineData("1.2.*", "1.2.99", true)]
    [InlineData("1.2.*", "1.3.0", false)]
    [InlineData("[1.0.0-BETA,1.0.0]", "1.0.0-beta.2", true)]
    public void NuGet_ranges(string range, string version, bool expected)
    {
        var scheme = NuGetVersionScheme.Instance;
        Assert.True(scheme.TryParseRange(range, out var r, out var error), error);
        Assert.Equal(expected, scheme.Satisfies(r, version));
    }

    [Fact]
    public void A_range_is_never_collapsed_to_a_version()
    {
        Assert.True(Pep440VersionScheme.Instance.TryParseRange(">=2.25", out var range, out _));
        Assert.Null(range.ExactVersion);
        Assert.True(range.IsUnbounded);
        Assert.True(Pep440VersionScheme.Instance.TryParseRange("==2.25.1", out var pin, out _));
        Assert.Equal("2.25.1", pin.ExactVersion);
    }

    [Fact]
    public void Interval_containment_and_overlap()
    {
        var scheme = NpmVersionScheme.Instance;
        Assert.True(scheme.TryParseRange("^4.17.0", out var caret, out _));
        Assert.True(scheme.TryParseRange(">=4.0.0 <4.17.21", out var affected, out _));
        Assert.True(caret.Intervals[0].Overlaps(affected.Intervals[0], scheme));
        Assert.False(caret.Intervals[0].IsWithin(affected.Intervals[0], scheme));
        Assert.True(scheme.TryParseRange(">=4.17.0 <4.17.5", out var narrow, out _));
        Assert.True(narrow.Intervals[0].IsWithin(affected.Intervals[0], scheme));
        Assert.True(scheme.TryParseRange("^5.0.0", out var five, out _));
        Assert.False(five.Intervals[0].Overlaps(affected.Intervals[0], scheme));
    }
}
