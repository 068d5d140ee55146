namespace Muster.Runs.Config;

/// <summary>The commented muster.yaml that <c>muster init</c> writes: every key, each default explained.</summary>
public static class RepoConfigTemplate
{
    public const string Text = """
        # Muster repository config (docs/repo-config.md). Commit it. `muster audit PATH` finds it from PATH upward to the
        # git root; `--config FILE` names another. Precedence: command line > this file > the plan > built-in defaults.
        # Paths below are relative to this file. Every key is optional: uncommented, each line shows its default.

        # The plan to run instead of the built-in audit plan (`muster plan show > muster-plan.yaml` writes it to edit).
        # `--plan FILE` wins over it. Default: the built-in plan.
        # plan: muster-plan.yaml

        # Settings per agent kind, merged over the plan's `with:` (they win). `muster agents` lists kinds and settings.
        # Default: none.
        # agents:
        #   secrets:
        #     exclude: ["fixtures/**"]
        #     history: since=origin/main
        #   config-audit:
        #     disable: []

        # Gate modes: fail (a failed or not-evaluated gate fails the run), warn (shown, never fails), off (not evaluated).
        # `--gate NAME=MODE` wins. Default: every gate fails the run, except type-check, which the built-in plan sets to
        # warn (none of its agents runs a type checker).
        gates:
          # security: fail
          # type-check: warn
          # tests: fail
          # documentation: fail
          # verification: fail

        # Exit with --exit-code (1) when a finding is at or above this severity: CRITICAL, HIGH, MEDIUM, LOW, INFO or
        # none. `--fail-on` wins. Default: CRITICAL.
        # fail-on: CRITICAL

        # Path globs excluded for every agent (relative to this file; `**` matches any folders). Findings there are
        # listed as suppressed in report.md, never silently dropped. Default: none.
        exclude: []

        # The committed suppression list: entries with `fingerprint:` or `rule:` + `paths:`, a mandatory `reason:` and
        # an optional `expires: YYYY-MM-DD`. Default: .musterignore beside this file.
        # ignore-file: .musterignore

        # The committed secrets baseline `muster baseline PATH` writes; it matches on any clone (docs/secrets.md).
        # Default: muster-baseline.json beside this file.
        # baseline: muster-baseline.json
        """;
}
