using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>R9: provider tokens whose surroundings or small format variations defeat a strict regex.</summary>
internal static class R09ProviderEdges
{
    private const string Esc = "\u001b";

    public static IEnumerable<QualityCase> Cases() => new CaseList("R9")
    {
        { "GitHub token after an ANSI colour", "logs/ci.log", v => $"{Esc}[32mtoken:{Esc}[0m {Esc}[1m{Secret(v.Base62Checksummed("gh" + "p_"))}{Esc}[0m\n" },
        { "GitHub token glued to a colour code", "logs/ci2.log", v => $"{Esc}[33m{Secret(v.Base62Checksummed("gh" + "o_"))}{Esc}[0m\n" },
        { "npm token after an escaped newline", "dump/env.json", v => $"{{\"npmrc\": \"registry=https://registry.npmjs.org/\\n_authToken={Secret(v.Base62Checksummed("np" + "m_"))}\\n\"}}\n" },
        { "token in URL-encoded JSON", "logs/access.log", v => $"GET /hook?payload=%7B%22token%22%3A%22{Secret(v.Base62Checksummed("gh" + "s_"))}%22%7D HTTP/1.1\n" },
        { "AWS key id with digits 0, 1, 8, 9", "config/aws.ini", v => $"[prod]\naws_access_key_id = {Secret("AK" + "IA" + v.UpDig(16))}\n" },
        { "Slack bot token, longer", "bots/slack.env", v => $"SLACK_BOT_TOKEN={Secret("xo" + "xb-" + v.Digits(13) + "-" + v.Digits(13) + "-" + v.Alnum(24))}\n" },
        { "Hugging Face token with digits", "ml/.env", v => $"HF_TOKEN={Secret("hf" + "_" + v.Alnum(34))}\n" },
        { "Cohere key on the next line", "llm/settings.yaml", v => $"cohere:\n  api_key: {Secret(v.Alnum(40))}\n" },
        { "ElevenLabs key far from its name", "tts/config.json", v => $"{{\n  \"provider\": \"elevenlabs\",\n  \"voice\": \"Rachel\",\n  \"model\": \"eleven_multilingual_v2\",\n  \"output_format\": \"mp3_44100_128\",\n  \"stability\": 0.5,\n  \"similarity_boost\": 0.75,\n  \"style\": 0.1,\n  \"use_speaker_boost\": true,\n  \"xi_key\": \"{Secret("sk" + "_" + v.Hex(48))}\"\n}}\n" },
        { "Anthropic key followed by an escaped quote", "dump/config.txt", v => $"{{\\\"key\\\":\\\"{Secret("sk-ant-" + "api03-" + v.B64Url(93) + "AA")}\\\"}}\n" },
        { "GitHub fine-grained PAT", "ci/token.txt", v => $"{Secret("github" + "_pat_" + v.Alnum(22) + "_" + v.Alnum(59))}\n" },
        // Negatives: near-misses that must stay silent.
        { "GitHub-shaped value with a bad checksum in prose", "docs/format.md", v => $"A classic token looks like gh{"p_"}{v.Alnum(36)} (this one is made up).\n" },
        { "prefix inside a longer identifier", "src/theme.css", v => $".xoxb-button-{v.Lower(12)} {{ color: red; }}\n" },
        { "AWS-like word in code", "src/aws.py", v => "ACCESS_KEY_PREFIX = \"AKIA\"\n" },
    };
}
