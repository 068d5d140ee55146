namespace Muster.Tests.Agents.ConfigAudit;

internal static class ShellRuleCases
{
    private const string File = "scripts/deploy.sh";

    private static Dictionary<string, string> Script(string body) =>
        new() { [File] = "#!/usr/bin/env bash\nset -euo pipefail\n\n" + body + "\n" };

    public static IEnumerable<RuleCase> All =>
    [
        new("MUSTER-SHELL-001", File, 4,
            Script("curl -fsSL https://get.docker.com | sudo sh"),
            Script("curl -fsSLo /tmp/get-docker.sh https://get.docker.com\nsha256sum -c get-docker.sha256\nsh /tmp/get-docker.sh")),
        new("MUSTER-SHELL-002", File, 5,
            Script("echo checking\ncurl -sk https://127.0.0.1:8443/health"),
            Script("curl -fsS --cacert /etc/ssl/internal-ca.pem https://127.0.0.1:8443/health -o /dev/null")),
        new("MUSTER-SHELL-003", File, 4,
            Script("chmod -R 777 /opt/app/uploads"), Script("chmod -R 750 /opt/app/uploads\nchmod 644 /opt/app/config.yml")),
        new("MUSTER-SHELL-004", File, 1,
            new() { [File] = "#!/bin/bash\ndocker compose pull\ndocker compose up -d\n" },
            new() { [File] = "#!/bin/bash\nset -o errexit\ndocker compose pull\ndocker compose up -d\n" }),
        new("MUSTER-SHELL-005", File, 4,
            Script("echo \"Admin password: ${ADMIN_PASSWORD}\""),
            Script("echo \"$REGISTRY_TOKEN\" | docker login ghcr.io -u acme --password-stdin\necho \"ADMIN_PASSWORD is set\"")),
        new("MUSTER-SHELL-006", File, 4,
            Script("export DB_PASSWORD=\"@SECRET@\""),
            Script("export DB_PASSWORD=\"${DB_PASSWORD:?set DB_PASSWORD}\"\nTOKEN_TTL=3600")),
        new("MUSTER-SHELL-007", File, 4,
            Script("scp -o StrictHostKeyChecking=no build.tar deploy@vps:/srv/"),
            Script("scp -o StrictHostKeyChecking=yes build.tar deploy@vps:/srv/")),
        new("MUSTER-SHELL-008", File, 4,
            Script("docker login -u acme -p \"$REGISTRY_TOKEN\" ghcr.io"),
            Script("printf '%s' \"$REGISTRY_TOKEN\" | docker login -u acme --password-stdin ghcr.io")),
    ];
}
