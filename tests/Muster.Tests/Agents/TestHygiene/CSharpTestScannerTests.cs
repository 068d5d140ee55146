using Muster.Agents.TestHygiene;

namespace Muster.Tests.Agents.TestHygiene;

public class CSharpTestScannerTests
{
    [Fact]
    public void Counts_xunit_nunit_and_mstest_methods_once_each()
    {
        var scan = CSharpTestScanner.Scan("""
            public class A
            {
                [Fact] public void One() {}
                [Theory]
                [InlineData(1)]
                public void Two(int x) {}
                [Test, Category("x")] public void Three() {}
                [TestCase(1)]
                [TestCase(2)]
                public void Four(int x) {}
                [TestMethod] public void Five() {}
                [DataTestMethod][DataRow(1)] public void Six(int x) {}
                [Obsolete] public void NotATest() {}
                void Index() { var a = arr[Test]; }
            }
            """);
        Assert.Equal(6, scan.Tests);
        Assert.Empty(scan.Markers);
    }

    [Theory]
    [InlineData("[Fact(Skip = \"flaky\")] public void A() {}", nameof(TestMarkerKind.Skipped), "[Fact(Skip = ...)]")]
    [InlineData("[Theory(DisplayName = \"x\", Skip = \"later\")] public void A() {}", nameof(TestMarkerKind.Skipped), "[Theory(Skip = ...)]")]
    [InlineData("[Xunit.FactAttribute(Skip = \"x\")] public void A() {}", nameof(TestMarkerKind.Skipped), "[Fact(Skip = ...)]")]
    [InlineData("[Fact(Skip = \"x\", SkipUnless = nameof(Ok))] public void A() {}", nameof(TestMarkerKind.ConditionallySkipped), "[Fact(Skip = ...)]")]
    [InlineData("[Test, Ignore(\"broken\")] public void A() {}", nameof(TestMarkerKind.Skipped), "[Ignore]")]
    [InlineData("[TestMethod]\n[Ignore]\npublic void A() {}", nameof(TestMarkerKind.Skipped), "[Ignore]")]
    [InlineData("[Ignore(\"all\")]\npublic class Suite {}", nameof(TestMarkerKind.Skipped), "[Ignore]")]
    [InlineData("[Test][Explicit] public void A() {}", nameof(TestMarkerKind.Skipped), "[Explicit]")]
    public void Finds_each_disabled_pattern(string source, string kind, string pattern)
    {
        Assert.Equal([(Enum.Parse<TestMarkerKind>(kind), pattern)], CSharpTestScanner.Scan(source).Markers.Select(m => (m.Kind, m.Pattern)).ToList());
    }

    [Theory]
    [InlineData("// [Fact(Skip = \"x\")]\n[Fact] public void A() {}")]
    [InlineData("/* [Ignore] */ [Test] public void A() {}")]
    [InlineData("var s = \"[Fact(Skip = \\\"x\\\")]\"; [Fact] public void A() {}")]
    [InlineData("var s = @\"[Ignore]\"\"\"; [Fact] public void A() {}")]
    [InlineData("var s = \"\"\"\n[Fact(Skip = \"x\")]\n\"\"\"; [Fact] public void A() {}")]
    [InlineData("[Fact(DisplayName = \"Skip = 1\")] public void A() {}")]
    public void Comments_and_strings_do_not_count(string source)
    {
        var scan = CSharpTestScanner.Scan(source);
        Assert.Empty(scan.Markers);
        Assert.Equal(1, scan.Tests);
    }
}
