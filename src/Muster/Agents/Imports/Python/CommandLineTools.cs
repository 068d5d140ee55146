namespace Muster.Agents.Imports.Python;

/// <summary>
/// Distributions that are legitimately declared without ever being imported: servers and tools run as commands
/// (uvicorn, gunicorn, alembic, black), test-runner plugins loaded by entry point (pytest-*), database drivers chosen
/// by a SQLAlchemy URL (psycopg2, asyncpg, pymysql), optional speed-ups picked up by another package (uvloop,
/// httptools), packages another library imports on your behalf (python-multipart for FastAPI forms, email-validator
/// for pydantic), build back-ends, type stubs and documentation generators. Never reported as unused.
/// </summary>
internal static class CommandLineTools
{
    private static readonly HashSet<string> Exact = new(StringComparer.Ordinal)
    {
        "uvicorn", "gunicorn", "hypercorn", "daphne", "waitress", "granian", "pytest", "tox", "nox", "coverage", "black",
        "isort", "flake8", "ruff", "mypy", "pylint", "bandit", "pre-commit", "autopep8", "yapf", "pyright", "twine", "build",
        "wheel", "setuptools", "pip", "pip-tools", "poetry", "poetry-core", "hatchling", "hatch", "flit", "flit-core",
        "setuptools-scm", "pdm", "pdm-backend", "alembic", "python-multipart", "email-validator", "psycopg2",
        "psycopg2-binary", "psycopg", "psycopg-binary", "pymysql", "mysqlclient", "asyncpg", "aiosqlite", "uvloop",
        "httptools", "watchfiles", "gevent", "eventlet", "sphinx", "mkdocs", "mkdocs-material", "ipython", "ipykernel",
        "jupyter", "notebook", "jupyterlab", "honcho", "supervisor", "celery-flower", "flower", "debugpy", "locust",
    };

    private static readonly string[] Prefixes = ["pytest-", "flake8-", "types-", "sphinx-", "mkdocs-", "mypy-"];

    public static bool IsCommandOrPlugin(string normalizedDistribution) =>
        Exact.Contains(normalizedDistribution) ||
        Prefixes.Any(p => normalizedDistribution.StartsWith(p, StringComparison.Ordinal)) ||
        normalizedDistribution.EndsWith("-stubs", StringComparison.Ordinal);
}
