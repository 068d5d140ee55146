namespace Muster.Tests.Agents.ConfigAudit;

internal static class EnvRuleCases
{
    private const string Compose = "services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_DB: ${POSTGRES_DB:-app}\n";

    public static IEnumerable<RuleCase> All =>
    [
        new("MUSTER-ENV-001", "app/.env", 0,
            new() { ["app/.env"] = "POSTGRES_PASSWORD=@SECRET@\n", [".gitignore"] = "node_modules/\n*.log\n" },
            new() { ["app/.env"] = "POSTGRES_PASSWORD=@SECRET@\n", [".gitignore"] = "node_modules/\n.env\n!.env.example\n" }),
        new("MUSTER-ENV-002", ".env", 0,
            new() { [".env"] = "POSTGRES_PASSWORD=@SECRET@\n", [".gitignore"] = ".env\n" },
            new() { [".env"] = "POSTGRES_PASSWORD=@SECRET@\n", [".gitignore"] = ".env\n" })
        {
            PositiveSetup = h => { h.Git("init", "-q"); h.Git("add", "-f", ".env"); },
            NegativeSetup = h => { h.Git("init", "-q"); h.Git("add", ".gitignore"); },
        },
        new("MUSTER-ENV-003", "docker-compose.yml", 5,
            new() { ["docker-compose.yml"] = Compose, [".env.example"] = "# database\nPOSTGRES_USER=app\n" },
            new() { ["docker-compose.yml"] = Compose, [".env.example"] = "# database\nPOSTGRES_PASSWORD=change-me\n" }),
        new("MUSTER-ENV-004", "stack/compose.yaml", 5,
            new() { ["stack/compose.yaml"] = Compose },
            new() { ["stack/compose.yaml"] = Compose.Replace("${POSTGRES_PASSWORD}", "${POSTGRES_PASSWORD:-dev-only}", StringComparison.Ordinal) }),
        new("MUSTER-ENV-005", ".env.production", 0,
            new() { [".env.production"] = "API_TOKEN=@SECRET@\n", [".gitignore"] = ".env*\n" },
            new() { [".env.production"] = "API_TOKEN=@SECRET@\n", [".gitignore"] = ".env*\n" })
        {
            PositiveSetup = h => h.SetMode(".env.production", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead),
            NegativeSetup = h => h.SetMode(".env.production", UnixFileMode.UserRead | UnixFileMode.UserWrite),
        },
        new("MUSTER-ENV-006", ".env", 0,
            new() { [".env"] = "TZ=Europe/Berlin\nMEDIA_PATH=/srv/media\nPUID=1000\n" },
            new() { [".env"] = "TZ=Europe/Berlin\nMEDIA_PATH=/srv/media\n", [".gitignore"] = ".env\n" })
        {
            PositiveSetup = h => { h.Git("init", "-q"); h.Git("add", "-f", ".env"); },
            NegativeSetup = h => { h.Git("init", "-q"); h.Git("add", ".gitignore"); },
        },
    ];
}
