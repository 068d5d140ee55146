using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>R3: passwords under short or embedded names, and in syntax other than a plain assignment.</summary>
internal static class R03ShortNamesAndSyntax
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("R3")
    {
        { "PW", "scripts/backup.sh", v => $"PW={Secret(v.Password())}\nmysqldump -u backup db > dump.sql\n" },
        { "PSWD quoted", "config/app.ini", v => $"PSWD = \"{Secret(v.Password())}\"\n" },
        { "my_pw", "tools/sync.py", v => $"my_pw = '{Secret(v.Password())}'\n" },
        { "MYSQLPASS", "docker/run.sh", v => $"MYSQLPASS={Secret(v.Password())}\n" },
        { "#define", "firmware/wifi.h", v => $"#define WIFI_PASSWORD \"{Secret(v.Password())}\"\n" },
        { "batch SET", "deploy/setup.bat", v => $"SET DB_PASS={Secret(v.Password())}\n" },
        { "PHP define", "wp-config.php", v => $"define( 'DB_PASSWORD', '{Secret(v.Password())}' );\n" },
        { "comparison", "src/Login.java", v => $"if (password.equals(\"{Secret(v.Password())}\")) {{ grantAdmin(); }}\n" },
        { "equality operator", "src/auth.js", v => $"if (req.body.pass === \"{Secret(v.Password())}\") next();\n" },
        { "default argument", "lib/db.py", v => $"def connect(host, user='app', password='{Secret(v.Password())}'):\n    pass\n" },
        { "typed declaration", "app/Config.kt", v => $"val pw: String = \"{Secret(v.Password())}\"\n" },
        { "object field", "src/Mailer.cs", v => $"client.Credentials = new NetworkCredential();\nclient.Credentials.Password = \"{Secret(v.Password())}\";\n" },
        { ".properties value", "src/main/resources/application.properties", v => $"spring.datasource.password={Secret(v.Password())}\n" },
        { "Java constant", "src/Db.java", v => $"private static final String DB_PASSWD = \"{Secret(v.Password())}\";\n" },
        { "Go short declaration", "cmd/main.go", v => $"dbPass := \"{Secret(v.Password())}\"\n" },
        { "C# object initializer", "src/Seed.cs", v => $"var admin = new User {{ Name = \"admin\", Password = \"{Secret(v.Password())}\" }};\n" },
        // Negatives: the same syntax holding references and constants.
        { "PW from the environment", "scripts/restore.sh", v => "PW=$BACKUP_PW\n" },
        { "#define of a length", "firmware/limits.h", v => "#define PASSWORD_MAX_LEN 64\n" },
        { "PHP define from getenv", "wp-config-env.php", v => "define( 'DB_PASSWORD', getenv('DB_PASSWORD') );\n" },
        { "comparison with null", "src/Check.java", v => "if (password == null || password.isEmpty()) return false;\n" },
        { "default argument None", "lib/client.py", v => "def connect(host, user=None, password=None):\n    pass\n" },
        { "typed declaration from input", "app/Prompt.kt", v => "val pw: String = readLine() ?: \"\"\n" },
        { "object field from a control", "src/Form.cs", v => "options.Password = txtPassword.Text;\n" },
        { ".properties rule", "src/main/resources/security.properties", v => "password.min.length=12\npassword.require.digit=true\n" },
    };
}
