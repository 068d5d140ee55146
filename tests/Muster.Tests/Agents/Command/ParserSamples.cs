namespace Muster.Tests.Agents.Command;

/// <summary>Outputs shaped like the real tools' (field names and nesting as the tools write them).</summary>
internal static class ParserSamples
{
    public const string Sarif = """
        {
          "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
          "version": "2.1.0",
          "runs": [
            {
              "tool": {
                "driver": {
                  "name": "Semgrep OSS",
                  "rules": [
                    {
                      "id": "python.secrets.hardcoded-password",
                      "shortDescription": { "text": "Hard-coded password" },
                      "help": { "text": "Read the password from a secret store." },
                      "defaultConfiguration": { "level": "error" },
                      "properties": { "security-severity": "9.1", "tags": ["security"] }
                    },
                    {
                      "id": "style.todo",
                      "shortDescription": { "text": "TODO left in code" },
                      "messageStrings": { "default": { "text": "TODO in {0}" } }
                    }
                  ]
                }
              },
              "originalUriBaseIds": { "SRCROOT": { "uri": "file:///nonexistent-base/" } },
              "results": [
                {
                  "ruleId": "python.secrets.hardcoded-password",
                  "ruleIndex": 0,
                  "message": { "text": "Password literal assigned to 'password'" },
                  "locations": [ { "physicalLocation": {
                    "artifactLocation": { "uri": "src/app.py" },
                    "region": { "startLine": 1, "startColumn": 1, "snippet": { "text": "password = 'x'" } } } } ],
                  "partialFingerprints": { "primaryLocationLineHash": "abc123:1" }
                },
                {
                  "ruleId": "style.todo",
                  "level": "note",
                  "message": { "id": "default", "arguments": ["app.py"] },
                  "locations": [ { "physicalLocation": {
                    "artifactLocation": { "uri": "src/app%20copy.py" },
                    "region": { "startLine": 3 } } } ]
                },
                {
                  "ruleId": "style.todo",
                  "level": "warning",
                  "message": { "text": "outside" },
                  "locations": [ { "physicalLocation": {
                    "artifactLocation": { "uri": "lib.py", "uriBaseId": "SRCROOT" },
                    "region": { "startLine": 9 } } } ]
                },
                {
                  "ruleId": "style.todo",
                  "level": "warning",
                  "message": { "text": "suppressed one" },
                  "suppressions": [ { "kind": "inSource", "status": "accepted" } ]
                }
              ]
            }
          ]
        }
        """;

    public const string JUnit = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="jest tests" tests="5" failures="1" errors="1" time="1.2">
          <testsuite name="auth" tests="3" failures="1" skipped="1" timestamp="2025-12-27T10:00:00" time="0.8">
            <testcase classname="auth.login" name="accepts valid token" time="0.1"/>
            <testcase classname="auth.login" name="rejects expired token" file="src/auth.test.ts" line="42" time="0.2">
              <failure message="expected 401, received 200" type="AssertionError">AssertionError: expected 401, received 200
            at Object.&lt;anonymous&gt; (src/auth.test.ts:42:5)</failure>
            </testcase>
            <testcase classname="auth.login" name="refresh flow" time="0">
              <skipped message="flaky"/>
            </testcase>
          </testsuite>
          <testsuite name="backend" tests="2" errors="1">
            <testcase classname="backend.app" name="imports" time="0.01">
              <error message="ModuleNotFoundError: No module named 'auth'" type="ModuleNotFoundError">Traceback...</error>
            </testcase>
            <testcase classname="backend.app" name="health" time="0.01"/>
          </testsuite>
        </testsuites>
        """;

    public const string TscPlain = """
        src/index.ts(12,7): error TS2322: Type 'string' is not assignable to type 'number'.
        src/util/math.ts(3,14): error TS2304: Cannot find name 'foo'.
        src/util/math.ts(9,1): error TS2345: Argument of type '{ a: number; }' is not assignable to parameter of type 'B'.
          Property 'b' is missing in type '{ a: number; }' but required in type 'B'.
        error TS5083: Cannot read file '/work/tsconfig.base.json'.
        """;

    public const string TscPretty = "\u001b[96msrc/index.ts\u001b[0m:\u001b[93m12\u001b[0m:\u001b[93m7\u001b[0m - \u001b[91merror\u001b[0m\u001b[90m TS2322: \u001b[0mType 'string' is not assignable to type 'number'.\n" +
        "\n" +
        "\u001b[7m12\u001b[0m const n: number = \"x\";\n" +
        "\u001b[7m  \u001b[0m \u001b[91m      ~\u001b[0m\n" +
        "\n" +
        "\n" +
        "Found 1 error in src/index.ts\u001b[90m:12\u001b[0m\n";

    public const string Eslint = """
        [
          {
            "filePath": "{ROOT}/web/app.js",
            "messages": [
              { "ruleId": "no-unused-vars", "severity": 2, "message": "'x' is assigned a value but never used.", "line": 3, "column": 7, "nodeType": "Identifier", "endLine": 3, "endColumn": 8 },
              { "ruleId": "eqeqeq", "severity": 1, "message": "Expected '===' and instead saw '=='.", "line": 8, "column": 11 }
            ],
            "errorCount": 1, "warningCount": 1, "fixableErrorCount": 0, "fixableWarningCount": 0,
            "source": "const x = 1;"
          },
          {
            "filePath": "{ROOT}/web/broken.js",
            "messages": [ { "ruleId": null, "fatal": true, "severity": 2, "message": "Parsing error: Unexpected token )", "line": 1, "column": 5 } ],
            "errorCount": 1, "warningCount": 0
          },
          { "filePath": "{ROOT}/web/clean.js", "messages": [], "errorCount": 0, "warningCount": 0 }
        ]
        """;
}
