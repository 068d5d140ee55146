#!/usr/bin/env python3
"""Builds src/Muster/Agents/Imports/Python/python-import-names.tsv: which PyPI distribution provides which import name.

Sources (public package metadata, nothing executed):
  1. Debian's package contents index, through `apt-file` (run `apt-get install apt-file && apt-file update` first):
     every python3-* package lists its `*.dist-info` / `*.egg-info` folder, which names the distribution, and the
     top-level modules and packages it installs under /usr/lib/python3/dist-packages.
  2. Installed environments given with --site-packages: `*.dist-info/top_level.txt`, else the paths in `RECORD`.

Output lines: `import<TAB>distribution[,distribution...]`, or a bare `import` when the distribution has the import's
own name. A dotted import (`google.cloud.storage`) stands for a portion of a namespace package.

Usage: scripts/generate-python-import-table.py [--site-packages DIR ...] [--contents FILE] [--output FILE]
"""
import argparse
import collections
import datetime
import glob
import os
import re
import subprocess
import sys

PREFIX = "/usr/lib/python3/dist-packages/"
JUNK = {"tests", "test", "testing", "docs", "doc", "examples", "example", "benchmarks", "scripts", "__pycache__", "bin", "share"}
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def distribution_of(folder):
    """`PyYAML-6.0.dist-info` -> PyYAML; `python_dateutil-2.8.2.egg-info` -> python_dateutil; `foo.egg-info` -> foo."""
    stem = re.sub(r"\.(dist|egg)-info$", "", folder)
    match = re.match(r"^(.+?)-\d", stem)
    name = match.group(1) if match else stem
    return re.sub(r"-py\d.*$", "", name)


def module_of(entry):
    """A top-level file name -> its module name, or None when it is not importable."""
    for suffix in (".py", ".pyi"):
        if entry.endswith(suffix):
            return entry[: -len(suffix)]
    if entry.endswith(".so") or entry.endswith(".pyd"):
        return entry.split(".")[0]
    return None


def debian_facts(contents_lines):
    """Yields (distributions, {import names}) per Debian binary package."""
    files = collections.defaultdict(set)
    for line in contents_lines:
        package, _, path = line.partition(": ")
        path = path.strip()
        if path.startswith(PREFIX):
            files[package].add(path[len(PREFIX):])
    for package, paths in files.items():
        dists = set()
        for p in paths:
            first = p.split("/")[0]
            if first.endswith(".dist-info") or first.endswith(".egg-info"):
                dists.add(distribution_of(first))
        # A package bundling many distributions in one tree (Debian's python3-azure) cannot say which provides what.
        if not dists or len(dists) > 4:
            continue
        yield dists, import_names(paths)


def import_names(paths):
    """Top-level modules and packages; inside a namespace folder (no __init__.py), its portions up to depth 3."""
    names = set()
    tree = set(paths)

    def visit(prefix, depth):
        children = {p[len(prefix):].split("/")[0] for p in tree if p.startswith(prefix) and len(p) > len(prefix)}
        for child in children:
            full = prefix + child
            dotted = full.replace("/", ".")
            if "/" not in full and child.endswith((".dist-info", ".egg-info", ".pth", ".data")):
                continue
            module = module_of(child)
            if module is not None and any(p == full for p in tree):
                if IDENTIFIER.match(module) and not module.startswith("__") and (depth > 0 or module not in JUNK):
                    names.add((prefix + module).replace("/", "."))
                continue
            if not IDENTIFIER.match(child) or child.startswith("__") or (depth == 0 and child in JUNK):
                continue
            if full + "/__init__.py" in tree or full + "/__init__.pyi" in tree:
                names.add(dotted)
            elif depth < 2:
                visit(full + "/", depth + 1)

    visit("", 0)
    return names


def site_packages_facts(folder):
    for info in glob.glob(os.path.join(folder, "*.dist-info")):
        dist = distribution_of(os.path.basename(info))
        metadata = os.path.join(info, "METADATA")
        if os.path.exists(metadata):
            with open(metadata, encoding="utf-8", errors="replace") as f:
                for line in f:
                    if not line.strip():
                        break
                    if line.lower().startswith("name:"):
                        dist = line[5:].strip()
        names = set()
        top_level = os.path.join(info, "top_level.txt")
        record = os.path.join(info, "RECORD")
        if os.path.exists(top_level):
            with open(top_level, encoding="utf-8", errors="replace") as f:
                names = {n.strip().replace("/", ".") for n in f if IDENTIFIER.match(n.strip().split("/")[0] or "-")}
        elif os.path.exists(record):
            with open(record, encoding="utf-8", errors="replace") as f:
                paths = {line.split(",")[0] for line in f if not line.startswith("..")}
            names = import_names(paths)
        yield {dist}, {n for n in names if n and n.split(".")[0] not in JUNK}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contents", help="saved output of `apt-file search -x '^/usr/lib/python3/dist-packages/'`")
    parser.add_argument("--site-packages", action="append", default=[])
    parser.add_argument("--output", default=os.path.join(os.path.dirname(__file__), "..", "src", "Muster", "Agents", "Imports", "Python", "python-import-names.tsv"))
    args = parser.parse_args()

    if args.contents:
        with open(args.contents, encoding="utf-8", errors="replace") as f:
            contents = f.read().splitlines()
    else:
        contents = subprocess.run(["apt-file", "search", "-x", "^" + PREFIX], check=True, capture_output=True, text=True).stdout.splitlines()
    release = subprocess.run(["sh", "-c", ". /etc/os-release && echo \"$PRETTY_NAME\""], capture_output=True, text=True).stdout.strip() or "Debian"

    providers = collections.defaultdict(set)
    packages = 0
    for dists, names in debian_facts(contents):
        packages += 1
        for name in names:
            providers[name].update(dists)
    environments = 0
    for folder in args.site_packages:
        environments += 1
        for dists, names in site_packages_facts(folder):
            for name in names:
                providers[name].update(dists)

    by_normalized = {}
    for name in sorted(providers):
        # one spelling per distribution (Debian's egg-info folders sometimes lower-case or underscore the name)
        spelled = []
        for dist in sorted(providers[name], key=lambda d: (d.lower() != d, d)):
            key = normalize(dist)
            by_normalized.setdefault(key, dist)
            if by_normalized[key] not in spelled:
                spelled.append(by_normalized[key])
        providers[name] = spelled

    lines = []
    for name in sorted(providers, key=lambda n: (n.lower(), n)):
        dists = providers[name]
        if len(dists) == 1 and normalize(dists[0]) == normalize(name):
            lines.append(name)
        else:
            lines.append(name + "\t" + ",".join(dists))
    today = datetime.date.today().isoformat()
    header = [
        "# Import name -> PyPI distribution(s) providing it. Generated by scripts/generate-python-import-table.py; do not edit.",
        f"# Source: {release} package contents index (apt-file: the *.dist-info / *.egg-info folder and top-level modules of {packages} python3-* packages)"
        + (f" and {environments} installed environment(s) (top_level.txt / RECORD)" if environments else "") + ".",
        f"# Generated: {today}. {len(lines)} import names. A bare name means the distribution has that name.",
    ]
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("\n".join(header + lines) + "\n")
    print(f"{args.output}: {len(lines)} import names from {packages} packages and {environments} environments", file=sys.stderr)


if __name__ == "__main__":
    main()
