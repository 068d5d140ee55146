using Muster.Formats.Packages.Versions;
using Xunit.Abstractions;

namespace Muster.Tests.Agents.Dependencies;

public sealed class VersionOrderOracleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("pypi-versions.txt")]
    [InlineData("pypi-versions-generated.txt")]
    public void Pep440_ordering_holds_for_every_oracle_pair(string file) =>
        AssertOracle(file, (a, b) => Pep440Version.Parse(a).CompareTo(Pep440Version.Parse(b)));

    [Fact]
    public void Npm_semver_ordering_holds_for_every_oracle_pair() =>
        AssertOracle("semver-versions.txt", (a, b) => SemVersion.Parse(a).CompareTo(SemVersion.Parse(b)));

    [Fact]
    public void NuGet_ordering_holds_for_every_oracle_pair() =>
        AssertOracle("nuget-versions.txt", (a, b) => NuGetVersion.Parse(a).CompareTo(NuGetVersion.Parse(b)));

    [Fact]
    public void Oracle_check_reports_failures_for_a_wrong_comparer()
    {
        var (_, failures) = VersionOracle.Check(VersionOracle.Read("semver-versions.txt"), (a, b) => string.CompareOrdinal(a, b));
        Assert.NotEmpty(failures);
    }

    private void AssertOracle(string file, Func<string, string, int> compare)
    {
        var pairs = VersionOracle.Read(file);
        Assert.NotEmpty(pairs);
        var (passed, failures) = VersionOracle.Check(pairs, compare);
        output.WriteLine($"{file}: {passed}/{pairs.Count} pairs hold");
        Assert.True(failures.Count == 0,
            $"{file}: {passed}/{pairs.Count} pairs hold; {failures.Count} fail:\n" + string.Join('\n', failures.Take(40)));
    }
}
