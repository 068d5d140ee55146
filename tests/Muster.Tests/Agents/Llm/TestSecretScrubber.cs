using System.Text.RegularExpressions;
using Muster.Agents;
using Muster.Model;

namespace Muster.Tests.Agents.Llm;

/// <summary>A small stand-in for the rule-based scrubber: redacts sk-… keys, the shape the tests plant.</summary>
internal sealed partial class TestSecretScrubber : ISecretScrubber
{
    public int Calls;

    [GeneratedRegex(@"sk-[A-Za-z0-9_\-]{20,}")]
    private static partial Regex KeyShape();

    public string Scrub(string text)
    {
        Interlocked.Increment(ref Calls);
        return KeyShape().Replace(text, m => Redaction.Redact(m.Value));
    }
}
