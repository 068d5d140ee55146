using Muster.Agents.TestHygiene;

namespace Muster.Tests.Agents.TestHygiene;

public class JsTestScannerTests
{
    private static List<(TestMarkerKind, string)> Markers(string source) =>
        JsTestScanner.Scan(source).Markers.Select(m => (m.Kind, m.Pattern)).ToList();

    [Fact]
    public void Counts_plain_tests_and_ignores_suites()
    {
        var scan = JsTestScanner.Scan("describe('a', () => {\n  it('x', () => {});\n  test('y', async () => {});\n  test.each([1, 2])('z %i', (n) => {});\n});\n");
        Assert.Equal(3, scan.Tests);
        Assert.Empty(scan.Markers);
    }

    [Theory]
    [InlineData("test.skip('a', () => {});", nameof(TestMarkerKind.Skipped), "test.skip()")]
    [InlineData("it.skip('a', () => {});", nameof(TestMarkerKind.Skipped), "it.skip()")]
    [InlineData("describe.skip('a', () => {});", nameof(TestMarkerKind.Skipped), "describe.skip()")]
    [InlineData("xit('a', () => {});", nameof(TestMarkerKind.Skipped), "xit()")]
    [InlineData("xtest('a', () => {});", nameof(TestMarkerKind.Skipped), "xtest()")]
    [InlineData("xdescribe('a', () => {});", nameof(TestMarkerKind.Skipped), "xdescribe()")]
    [InlineData("test.todo('later');", nameof(TestMarkerKind.Todo), "test.todo()")]
    [InlineData("it.only('a', () => {});", nameof(TestMarkerKind.Focused), "it.only()")]
    [InlineData("test.only('a', () => {});", nameof(TestMarkerKind.Focused), "test.only()")]
    [InlineData("describe.only('a', () => {});", nameof(TestMarkerKind.Focused), "describe.only()")]
    [InlineData("fit('a', () => {});", nameof(TestMarkerKind.Focused), "fit()")]
    [InlineData("fdescribe('a', () => {});", nameof(TestMarkerKind.Focused), "fdescribe()")]
    [InlineData("test.concurrent.only('a', async () => {});", nameof(TestMarkerKind.Focused), "test.concurrent.only()")]
    [InlineData("it.skip.each([1])('a %i', () => {});", nameof(TestMarkerKind.Skipped), "it.skip.each()")]
    [InlineData("test.skipIf(process.env.CI)('a', () => {});", nameof(TestMarkerKind.ConditionallySkipped), "test.skipIf()")]
    [InlineData("test('a', () => { test.skip(browserName === 'webkit', 'flaky'); });", nameof(TestMarkerKind.ConditionallySkipped), "test.skip()")]
    [InlineData("it('a', function () { if (!hasDb) this.skip(); });", nameof(TestMarkerKind.ConditionallySkipped), "this.skip()")]
    [InlineData("(isWindows ? describe.skip : describe)('a', () => {});", nameof(TestMarkerKind.ConditionallySkipped), "cond ? describe.skip : describe")]
    [InlineData("test.failing('known bug', t => {});", nameof(TestMarkerKind.ConditionallySkipped), "test.failing()")]
    [InlineData("test.skipIf(true)('a', () => {});", nameof(TestMarkerKind.Skipped), "test.skipIf()")]
    [InlineData("test.runIf(false)('a', () => {});", nameof(TestMarkerKind.Skipped), "test.runIf()")]
    [InlineData("const skipIt = it.skip;\nskipIt('a', () => {});", nameof(TestMarkerKind.Skipped), "skipIt() (= it.skip)")]
    [InlineData("const itDb = process.env.DB ? it : it.skip;\nitDb('a', () => {});", nameof(TestMarkerKind.ConditionallySkipped), "itDb() (= cond ? it : it.skip)")]
    [InlineData("const serve = test.runIf(isServe);\nserve('a', () => {});", nameof(TestMarkerKind.ConditionallySkipped), "serve() (= test.runIf)")]
    public void Finds_each_skip_focus_and_todo_pattern(string source, string kind, string pattern)
    {
        Assert.Equal([(Enum.Parse<TestMarkerKind>(kind), pattern)], Markers(source));
    }

    [Theory]
    [InlineData("// it.only('a', () => {});\n")]
    [InlineData("/* test.skip('a', () => {}); */\n")]
    [InlineData("const s = \"describe.only('a')\";\n")]
    [InlineData("const t = `xit('a', () => {})`;\n")]
    [InlineData("config.only = true; list.skip(2); const fit = 3; fit + 1;\n")]
    [InlineData("const { skip } = opts; skip('x');\n")]
    public void Comments_strings_and_lookalikes_do_not_count(string source)
    {
        Assert.Empty(Markers(source));
    }

    [Fact]
    public void Todo_is_not_counted_as_a_test_but_skipped_ones_are()
    {
        var scan = JsTestScanner.Scan("test.todo('x');\ntest.skip('y', () => {});\nxit('z', () => {});\nit.only('w', () => {});\n");
        Assert.Equal(3, scan.Tests);
        Assert.Equal(new[] { 1, 2, 3, 4 }, scan.Markers.Select(m => m.Line));
    }

    [Fact]
    public void Aliased_tests_are_counted_where_they_are_called()
    {
        var scan = JsTestScanner.Scan("const skipIt = it.skip;\nskipIt('a', () => {});\nskipIt('b', () => {});\ntest.skipIf(false)('c', () => {});\n");
        Assert.Equal(3, scan.Tests);
        Assert.Equal([2, 3], scan.Markers.Select(m => m.Line).ToList());
    }

    [Theory]
    [InlineData("src/a.test.ts", true)]
    [InlineData("src/a.spec.jsx", true)]
    [InlineData("src/__tests__/a.js", true)]
    [InlineData("tests/helpers.ts", true)]
    [InlineData("cypress/e2e/login.cy.ts", true)]
    [InlineData("src/app.ts", false)]
    [InlineData("src/testing.ts", false)]
    public void Test_files_are_recognised_by_name_and_folder(string path, bool expected)
    {
        Assert.Equal(expected, JsTestScanner.IsTestFile(path));
    }
}
