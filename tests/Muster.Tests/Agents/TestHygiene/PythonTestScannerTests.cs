using Muster.Agents.TestHygiene;

namespace Muster.Tests.Agents.TestHygiene;

public class PythonTestScannerTests
{
    private static List<(TestMarkerKind, string)> Markers(string source) =>
        PythonTestScanner.Scan(source).Markers.Select(m => (m.Kind, m.Pattern)).ToList();

    [Fact]
    public void Counts_functions_methods_and_async_tests()
    {
        var scan = PythonTestScanner.Scan("def test_a():\n    pass\n\nasync def test_b():\n    pass\n\nclass TestX:\n    def test_c(self):\n        pass\n    def helper(self):\n        pass\n\ndef helper():\n    pass\n");
        Assert.Equal(3, scan.Tests);
        Assert.Empty(scan.Markers);
    }

    [Theory]
    [InlineData("@pytest.mark.skip(reason='x')\ndef test_a(): pass\n", nameof(TestMarkerKind.Skipped), "@pytest.mark.skip")]
    [InlineData("@pytest.mark.skipif(sys.platform == 'win32', reason='x')\ndef test_a(): pass\n", nameof(TestMarkerKind.ConditionallySkipped), "@pytest.mark.skipif")]
    [InlineData("@pytest.mark.xfail\ndef test_a(): pass\n", nameof(TestMarkerKind.ConditionallySkipped), "@pytest.mark.xfail")]
    [InlineData("@unittest.skip('x')\ndef test_a(self): pass\n", nameof(TestMarkerKind.Skipped), "@unittest.skip")]
    [InlineData("@unittest.skipIf(True, 'x')\ndef test_a(self): pass\n", nameof(TestMarkerKind.Skipped), "@unittest.skipIf(True)")]
    [InlineData("@unittest.skipIf(sys.platform == 'win32', 'x')\ndef test_a(self): pass\n", nameof(TestMarkerKind.ConditionallySkipped), "@unittest.skipIf")]
    [InlineData("@pytest.mark.skipif(True, reason='x')\ndef test_a(): pass\n", nameof(TestMarkerKind.Skipped), "@pytest.mark.skipif(True)")]
    [InlineData("@unittest.skipUnless(False, 'x')\ndef test_a(self): pass\n", nameof(TestMarkerKind.Skipped), "@unittest.skipUnless(False)")]
    [InlineData("import pytest\nnp = pytest.importorskip('numpy')\ndef test_a(): pass\n", nameof(TestMarkerKind.ConditionallySkipped), "pytest.importorskip() (skips the whole module)")]
    [InlineData("def test_a():\n    yaml = pytest.importorskip('yaml')\n", nameof(TestMarkerKind.ConditionallySkipped), "pytest.importorskip()")]
    [InlineData("@unittest.skipUnless(HAS_X, 'x')\ndef test_a(self): pass\n", nameof(TestMarkerKind.ConditionallySkipped), "@unittest.skipUnless")]
    [InlineData("@unittest.expectedFailure\ndef test_a(self): pass\n", nameof(TestMarkerKind.ConditionallySkipped), "@unittest.expectedFailure")]
    [InlineData("@skip('x')\ndef test_a(self): pass\n", nameof(TestMarkerKind.Skipped), "@skip")]
    [InlineData("def test_a():\n    pytest.skip('not ready')\n", nameof(TestMarkerKind.ConditionallySkipped), "pytest.skip()")]
    [InlineData("def test_a(self):\n    self.skipTest('no db')\n", nameof(TestMarkerKind.ConditionallySkipped), "self.skipTest()")]
    [InlineData("pytestmark = pytest.mark.skip(reason='x')\ndef test_a(): pass\n", nameof(TestMarkerKind.Skipped), "pytestmark = @pytest.mark.skip")]
    [InlineData("@pytest.mark.skip\nclass TestX:\n    def test_a(self): pass\n", nameof(TestMarkerKind.Skipped), "@pytest.mark.skip")]
    public void Finds_each_skip_pattern(string source, string kind, string pattern)
    {
        Assert.Equal([(Enum.Parse<TestMarkerKind>(kind), pattern)], Markers(source));
    }

    [Theory]
    [InlineData("# @pytest.mark.skip\ndef test_a(): pass\n")]
    [InlineData("\"\"\"\n@pytest.mark.skip\n\"\"\"\ndef test_a(): pass\n")]
    [InlineData("def test_a():\n    x = 'pytest.skip()'\n")]
    [InlineData("@pytest.mark.parametrize('x', [1])\ndef test_a(x): pass\n")]
    [InlineData("@other.skip\ndef test_a(): pass\n")]
    [InlineData("@pytest.mark.skip\ndef helper(): pass\n")]
    public void Comments_strings_and_other_decorators_do_not_count(string source)
    {
        Assert.Empty(Markers(source));
    }

    [Theory]
    [InlineData("tests/test_api.py", true)]
    [InlineData("app/api_test.py", true)]
    [InlineData("tests/helpers.py", true)]
    [InlineData("tests/conftest.py", false)]
    [InlineData("app/main.py", false)]
    public void Test_files_are_recognised(string path, bool expected)
    {
        Assert.Equal(expected, PythonTestScanner.IsTestFile(path));
    }

    [Fact]
    public void A_constant_false_condition_never_skips()
    {
        Assert.Empty(Markers("@pytest.mark.skipif(False, reason='x')\ndef test_a(): pass\n"));
    }
}
