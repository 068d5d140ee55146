using System.Text.RegularExpressions;

namespace Muster.Agents.AgentDefinitions;

/// <summary>Model ids and aliases an agent definition may name. Anything else is a model nothing provides.</summary>
internal static partial class KnownModels
{
    public static bool IsKnown(string model)
    {
        var m = model.Trim();
        // CrewAI/LiteLLM style "provider/model" names the model after the slash.
        var slash = m.LastIndexOf('/');
        if (slash >= 0 && slash < m.Length - 1) m = m[(slash + 1)..];
        return Known().IsMatch(m);
    }

    [GeneratedRegex(@"^(sonnet|opus|haiku|inherit|default|opusplan|sonnet\[1m\]|claude-[a-z0-9.\-]+|gpt-[a-z0-9.\-]+|chatgpt-[a-z0-9.\-]+|o[1-9](-[a-z0-9\-]+)?|gemini-[a-z0-9.\-]+|llama[a-z0-9.:\-]*|codellama[a-z0-9.:\-]*|mistral[a-z0-9.:\-]*|mixtral[a-z0-9.:\-]*|codestral[a-z0-9.:\-]*|qwen[a-z0-9.:\-]*|deepseek[a-z0-9.:\-]*|phi[0-9a-z.:\-]*|gemma[a-z0-9.:\-]*|command-r[a-z0-9.\-]*|grok-[a-z0-9.\-]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Known();
}
