using Muster.Agents.ConfigAudit;

namespace Muster.Tests.Agents.ConfigAudit;

public sealed class DetectorTests
{
    [Theory]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("jwtSecret", true)]
    [InlineData("OPENAI_API_KEY", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("POSTGRES_PASSWORD_FILE", false)]
    [InlineData("SSH_PUBLIC_KEY", false)]
    [InlineData("TOKEN_TTL", false)]
    [InlineData("MONKEY_MODE", false)]
    [InlineData("KEYBOARD_LAYOUT", false)]
    [InlineData("AUTH_PROVIDER", false)]
    [InlineData("CACHE_KEY_PREFIX", false)]
    [InlineData("SMTP_PASS", true)]
    [InlineData("BASIC_AUTH", true)]
    public void Secret_key_names(string key, bool expected) => Assert.Equal(expected, SecretValues.IsSecretKey(key));

    [Theory]
    [InlineData("hunter2-but-longer", true)]
    [InlineData("${DB_PASSWORD}", false)]
    [InlineData("$DB_PASSWORD", false)]
    [InlineData("<your-api-key>", false)]
    [InlineData("your_token_here", false)]
    [InlineData("xxxx", false)]
    [InlineData("true", false)]
    [InlineData("3600", false)]
    [InlineData("", false)]
    public void Literal_secret_values(string value, bool expected) => Assert.Equal(expected, SecretValues.IsLiteralSecret(value));

    [Theory]
    [InlineData("curl -fsSL https://get.docker.com | sh", true)]
    [InlineData("wget -qO- https://example.org/install | sudo -E bash -", true)]
    [InlineData("sh -c \"$(curl -fsSL https://example.org/install.sh)\"", true)]
    [InlineData("bash <(curl -s https://example.org/x.sh)", true)]
    [InlineData("curl -fsSL https://example.org/x.tgz | tar xz", false)]
    [InlineData("curl -fsSLo x.sh https://example.org/x.sh && sha256sum -c x.sha256", false)]
    public void Pipe_to_shell(string line, bool expected) => Assert.Equal(expected, ShellPatterns.PipeToShell().IsMatch(line));

    [Theory]
    [InlineData("curl --insecure https://x", true)]
    [InlineData("curl -fsSLk https://x", true)]
    [InlineData("export NODE_TLS_REJECT_UNAUTHORIZED=0", true)]
    [InlineData("GIT_SSL_NO_VERIFY=true git clone https://x", true)]
    [InlineData("git -c http.sslVerify=false clone https://x", true)]
    [InlineData("curl -fsSL -o /tmp/kube https://x/k", false)]
    [InlineData("export NODE_TLS_REJECT_UNAUTHORIZED=1", false)]
    public void Tls_verification_disabled(string line, bool expected) => Assert.Equal(expected, ShellPatterns.TlsVerificationDisabled().IsMatch(line));
}
