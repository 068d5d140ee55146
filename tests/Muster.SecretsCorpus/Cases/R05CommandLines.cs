using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>R5: credentials passed on command lines, in scripts, runbooks and C code using libcurl.</summary>
internal static class R05CommandLines
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("R5")
    {
        { "mysql -p glued", "scripts/dump.sh", v => $"mysql -u root -p{Secret(v.Password())} shop < schema.sql\n" },
        { "mysql -p quoted", "runbook.md", v => $"    mysql -h db -uadmin -p'{Secret(v.Password())}' -e 'show databases'\n" },
        { "--password=", "ci/backup.yml", v => $"script:\n  - mysqldump --user=backup --password={Secret(v.Password())} --all-databases > all.sql\n" },
        { "--password value", "scripts/deploy.ps1", v => $"az login --service-principal -u $appId --password {Secret(v.B64Url(40))} --tenant $tenant\n" },
        { "docker login -p", "ci/release.sh", v => $"docker login -u deployer -p {Secret(v.Password())} registry.example.org\n" },
        { "--token value", "ops/rancher.sh", v => $"rancher login https://rancher.example.org --token {Secret("token-" + v.LowDig(5) + ":" + v.LowDig(54))}\n" },
        { "curl -u", "docs-internal/api.md", v => $"curl -u admin:{Secret(v.Password())} https://jenkins.example.org/api/json\n" },
        { "curl --user", "scripts/health.sh", v => $"curl --user svc-monitor:{Secret(v.Password())} -s https://es.example.org:9200/_cluster/health\n" },
        { "ConvertTo-SecureString", "scripts/join.ps1", v => $"$pw = ConvertTo-SecureString \"{Secret(v.Password())}\" -AsPlainText -Force\n" },
        { "ConvertTo-SecureString -String", "scripts/svc.ps1", v => $"$sec = ConvertTo-SecureString -String '{Secret(v.Password())}' -AsPlainText -Force\n" },
        { "CURLOPT_PASSWORD", "src/upload.c", v => $"curl_easy_setopt(curl, CURLOPT_PASSWORD, \"{Secret(v.Password())}\");\n" },
        { "CURLOPT_USERPWD", "src/fetch.c", v => $"curl_easy_setopt(h, CURLOPT_USERPWD, \"api:{Secret(v.Password())}\");\n" },
        { "CURLOPT_XOAUTH2_BEARER", "src/mail.c", v => $"curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, \"{Secret(v.B64Url(40))}\");\n" },
        { "sshpass -p", "scripts/push.sh", v => $"sshpass -p '{Secret(v.Password())}' scp build.tgz deploy@10.0.0.9:/srv\n" },
        { "redis-cli -a", "ops/redis.md", v => $"redis-cli -h cache -a {Secret(v.Password())} INFO\n" },
        // Negatives: prompts, variables, ports and flags that are not passwords.
        { "mysql -p prompt", "scripts/restore.sh", v => "mysql -u root -p shop < dump.sql\n" },
        { "--password from a variable", "ci/dump.yml", v => "  - mysqldump --password=\"$MYSQL_PASSWORD\" --all-databases\n" },
        { "--password-stdin", "ci/login.sh", v => "echo \"$TOKEN\" | docker login -u bot --password-stdin ghcr.io\n" },
        { "curl -u variables", "scripts/api.sh", v => "curl -u \"$API_USER:$API_PASS\" https://api.example.org\n" },
        { "ConvertTo-SecureString variable", "scripts/cred.ps1", v => "$s = ConvertTo-SecureString $plain -AsPlainText -Force\n" },
        { "CURLOPT_PASSWORD variable", "src/net.c", v => "curl_easy_setopt(curl, CURLOPT_PASSWORD, cfg->password);\n" },
        { "docker -p port", "README-ops.md", v => "docker run -p 8080:80 -p 8443:443 nginx\n" },
        { "ssh -p port", "scripts/tunnel.sh", v => "ssh -p 2222 -L 5432:db:5432 bastion\n" },
    };
}
