namespace Muster.Agents.TestHygiene;

internal enum TestMarkerKind
{
    /// <summary>Never runs (test.skip, xit, @pytest.mark.skip, [Fact(Skip=...)], [Ignore]).</summary>
    Skipped,

    /// <summary>Skipped or expected to fail under a condition (skipif, xfail, test.skipIf, pytest.skip() in a body).</summary>
    ConditionallySkipped,

    /// <summary>Runs alone and silently skips every other test of the file or run (.only, fit, fdescribe).</summary>
    Focused,

    /// <summary>A placeholder with no body (test.todo).</summary>
    Todo,
}
