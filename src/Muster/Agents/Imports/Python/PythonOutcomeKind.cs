namespace Muster.Agents.Imports.Python;

internal enum PythonOutcomeKind
{
    /// <summary>Local module, standard library or declared distribution.</summary>
    Resolved,

    /// <summary>Resolves nowhere: ModuleNotFoundError at runtime.</summary>
    Fails,

    /// <summary>A known distribution that nothing declares, locks or installs: fails on a clean install.</summary>
    Undeclared,

    /// <summary>As <see cref="Undeclared"/>, but the declarations could not be read (no manifest, or a broken one).</summary>
    UndeclaredUnverified,

    /// <summary>Not declared, but present through a lockfile, another local project or a declared package's dependencies.</summary>
    Provided,

    /// <summary>Present only in a local virtualenv.</summary>
    InstalledOnly,

    /// <summary>Could not be settled either way (name heuristics, sys.modules aliasing, generated at test time).</summary>
    Unverified,
}
