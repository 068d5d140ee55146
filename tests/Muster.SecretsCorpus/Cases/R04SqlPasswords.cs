using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>R4: passwords set in SQL (users, roles, logins).</summary>
internal static class R04SqlPasswords
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("R4")
    {
        { "Oracle CREATE USER", "db/oracle/01_users.sql", v => $"CREATE USER app_owner IDENTIFIED BY \"{Secret(v.Password())}\";\n" },
        { "Oracle unquoted", "db/oracle/02_alter.sql", v => $"ALTER USER scott IDENTIFIED BY {Secret(v.Alnum(6) + v.Digits(2))};\n" },
        { "MySQL user", "db/mysql/init.sql", v => $"CREATE USER 'app'@'%' IDENTIFIED BY '{Secret(v.Password())}';\n" },
        { "MySQL native password", "db/mysql/fix.sql", v => $"ALTER USER 'root'@'localhost' IDENTIFIED WITH mysql_native_password BY '{Secret(v.Password())}';\n" },
        { "Postgres role", "db/pg/roles.sql", v => $"CREATE ROLE reporting LOGIN PASSWORD '{Secret(v.Password())}';\n" },
        { "Postgres ALTER ROLE WITH", "db/pg/rotate.sql", v => $"ALTER ROLE app WITH PASSWORD '{Secret(v.Password())}' VALID UNTIL 'infinity';\n" },
        { "SQL Server login", "db/mssql/setup.sql", v => $"CREATE LOGIN etl WITH PASSWORD = '{Secret(v.Password())}', CHECK_POLICY = OFF;\n" },
        { "MySQL SET PASSWORD", "db/mysql/reset.sql", v => $"SET PASSWORD FOR 'app'@'localhost' = PASSWORD('{Secret(v.Password())}');\n" },
        { "GRANT IDENTIFIED BY", "db/mysql/legacy.sql", v => $"GRANT ALL PRIVILEGES ON shop.* TO 'shop'@'%' IDENTIFIED BY '{Secret(v.Password())}';\n" },
        { "SQL inside a Python string", "migrations/0003.py", v => $"op.execute(\"CREATE USER readonly WITH PASSWORD '{Secret(v.Password())}'\")\n" },
        // Negatives: bind parameters, variables, external authentication.
        { "bind parameter", "db/oracle/proc.sql", v => "EXECUTE IMMEDIATE 'ALTER USER ' || l_user || ' IDENTIFIED BY ' || :new_password;\n" },
        { "psql variable", "db/pg/create.sql", v => "CREATE ROLE app LOGIN PASSWORD :'app_password';\n" },
        { "template variable", "db/mysql/init.sql.j2", v => "CREATE USER 'app'@'%' IDENTIFIED BY '{{ mysql_app_password }}';\n" },
        { "external auth", "db/oracle/ext.sql", v => "CREATE USER ops_$ IDENTIFIED EXTERNALLY;\n" },
        { "PASSWORD NULL", "db/pg/lock.sql", v => "ALTER ROLE old_app WITH PASSWORD NULL;\n" },
        { "format placeholder", "tools/mkuser.py", v => "cur.execute(\"CREATE USER %s IDENTIFIED BY %s\", (name, pw))\n" },
    };
}
