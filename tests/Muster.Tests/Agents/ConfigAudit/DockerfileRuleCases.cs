namespace Muster.Tests.Agents.ConfigAudit;

internal static class DockerfileRuleCases
{
    private const string File = "services/api/Dockerfile";

    private static Dictionary<string, string> Docker(string body, bool dockerIgnore = true)
    {
        var files = new Dictionary<string, string> { [File] = body };
        if (dockerIgnore) files["services/api/.dockerignore"] = ".git\n.env*\nnode_modules\n";
        return files;
    }

    private const string Digest = "@sha256:6f3a1c0e2b9d8f7a6e5d4c3b2a19087f6e5d4c3b2a19087f6e5d4c3b2a190870";

    public static IEnumerable<RuleCase> All =>
    [
        new("MUSTER-DOCKER-001", File, 1,
            Docker("FROM python:3.12-slim AS base\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n"),
            Docker("FROM python:3.12-slim AS build\nUSER 10001\nFROM build\nCOPY app.py .\nCMD [\"python\", \"app.py\"]\n")),
        new("MUSTER-DOCKER-002", File, 2,
            Docker("FROM debian:12.7\nADD https://github.com/acme/tool/releases/download/v1.2.0/tool.tar.gz /opt/\n"),
            Docker("FROM debian:12.7\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.org/tool.tar.gz /opt/\nADD tool.tar.gz /opt/\n")),
        new("MUSTER-DOCKER-003", File, 2,
            Docker("FROM debian:12.7\nRUN apt-get update && \\\n    curl -fsSL https://deb.nodesource.com/setup_22.x | bash -\n"),
            Docker("FROM debian:12.7\nRUN curl -fsSLo /tmp/setup.sh https://deb.nodesource.com/setup_22.x \\\n && echo \"abc  /tmp/setup.sh\" | sha256sum -c\n")),
        new("MUSTER-DOCKER-004", File, 3,
            Docker("FROM node:22.11-alpine\nENV NODE_ENV=production\nENV API_TOKEN=@SECRET@ PORT=8080\n"),
            Docker("FROM node:22.11-alpine\nENV NODE_ENV=production PORT=8080\nARG BUILD_VERSION=1.0.0\nENV API_TOKEN_FILE=/run/secrets/api_token\n")),
        new("MUSTER-DOCKER-005", File, 1,
            Docker("FROM node:latest\nUSER node\n"), Docker("FROM node:22.11-alpine AS build\nFROM build\nUSER node\n")),
        new("MUSTER-DOCKER-006", File, 1,
            Docker("FROM node:22.11-alpine\nUSER node\n"), Docker($"FROM node:22.11-alpine{Digest}\nUSER node\n")),
        new("MUSTER-DOCKER-007", File, 2,
            Docker("FROM debian:12.7\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"),
            Docker("FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n")),
        new("MUSTER-DOCKER-008", File, 2,
            Docker("FROM debian:12.7\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"),
            Docker("FROM debian:12.7\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n")),
        new("MUSTER-DOCKER-009", File, 3,
            Docker("FROM ubuntu:24.04\nUSER app\nRUN sudo chown app /srv\n"),
            Docker("FROM ubuntu:24.04\nRUN chown app /srv && echo pseudo-user\nUSER app\n")),
        new("MUSTER-DOCKER-010", File, 3,
            Docker("FROM node:22.11-alpine\nWORKDIR /app\nCOPY . .\nUSER node\n", dockerIgnore: false),
            Docker("FROM node:22.11-alpine\nWORKDIR /app\nCOPY . .\nUSER node\n")),
        new("MUSTER-DOCKER-011", File, 2,
            Docker("FROM alpine:3.20\nRUN wget --no-check-certificate -O /tmp/tool https://example.org/tool\n"),
            Docker("FROM alpine:3.20\nRUN wget -O /tmp/tool https://example.org/tool && curl -fsSL -o /tmp/k https://example.org/k\n")),
        new("MUSTER-DOCKER-012", File, 2,
            Docker("FROM alpine:3.20\nEXPOSE 8080 22\n"), Docker("FROM alpine:3.20\nEXPOSE 8080 2222\n")),
        new("MUSTER-DOCKER-013", File, 2,
            Docker("FROM alpine:3.20\nCOPY --chmod=777 entrypoint.sh /usr/local/bin/\nUSER 10001\n"),
            Docker("FROM alpine:3.20\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/\nRUN mkdir -p /tmp/cache && chmod 1777 /tmp/cache && chmod 0644 /etc/motd\nUSER 10001\n")),
    ];
}
