"""Walk a tree and find what declares functions: serverless configs, templates, package.json."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from migrator.scan.files import CONFIG_LIMIT, Reader, Unreadable, shown
from migrator.scan.model import ScanProblem
from migrator.scan.resolve import suffix

#: Never scanned: dependencies, deployment staging and build caches.
SKIP_DIRS = frozenset(
    {
        "node_modules",
        ".serverless",
        ".aws-sam",
        "cdk.out",
        ".git",
        ".hg",
        ".svn",
        ".webpack",
        ".esbuild",
        ".build",
        ".terraform",
        "coverage",
        "__pycache__",
    }
)
#: Build output, skipped when a sibling `src/` holds its sources.
BUILD_OUTPUT_DIRS = frozenset({"dist", "build", "out"})
SERVERLESS_NAMES = frozenset({"serverless.yml", "serverless.yaml", "serverless.json"})
EXECUTABLE_SERVERLESS_NAMES = frozenset(
    {"serverless.ts", "serverless.js", "serverless.cjs", "serverless.mjs"}
)
TEMPLATE_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".template"})
#: A file that names one of these may declare a function (the template reader is loaded only then).
TEMPLATE_MARKERS = ("AWS::Serverless::Function", "AWS::Lambda::Function")
_NOT_TEMPLATES = frozenset(
    {"package.json", "package-lock.json", "tsconfig.json", "samconfig.yaml", "samconfig.yml"}
)


@dataclass
class Discovery:
    """Config files and package directories under a root, each list sorted."""

    serverless: list[Path] = field(default_factory=list)
    executable_configs: list[Path] = field(default_factory=list)
    templates: list[Path] = field(default_factory=list)
    package_dirs: list[Path] = field(default_factory=list)
    terraform_dirs: list[Path] = field(default_factory=list)  #: folders holding `*.tf` files
    cdk_apps: list[Path] = field(default_factory=list)  #: folders holding a `cdk.json`
    problems: list[ScanProblem] = field(default_factory=list)  #: folders and files not read

    def config_dirs(self) -> set[Path]:
        """Folders whose package.json folders are not bare functions. CDK apps and Terraform
        folders are not among them: their code folders drop out once a function claims them, and
        the ones no construct or resource names still show up."""
        return {p.parent for p in (*self.serverless, *self.templates, *self.executable_configs)}


def discover(root: Path) -> Discovery:
    """Everything under `root` that may declare Lambda functions, in a stable order."""
    found = Discovery()
    reader = Reader(root)

    def unreadable(exc: OSError) -> None:
        where = shown(exc.filename or root, root)
        found.problems.append(
            ScanProblem(
                where, None, None, f"cannot list folder: {exc.strerror or exc}; its functions are not scanned"
            )
        )

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        names = set(dirnames)
        dirnames[:] = sorted(
            d for d in dirnames if d not in SKIP_DIRS and not (d in BUILD_OUTPUT_DIRS and "src" in names)
        )
        directory = Path(dirpath)
        if any(name.endswith(".tf") for name in filenames):
            found.terraform_dirs.append(directory)
        # A Path only for the files found: most files of a tree are source files.
        for name in sorted(filenames):
            if name == "cdk.json":
                found.cdk_apps.append(directory)
            elif name in SERVERLESS_NAMES:
                found.serverless.append(directory / name)
            elif name in EXECUTABLE_SERVERLESS_NAMES:
                found.executable_configs.append(directory / name)
            elif name == "package.json":
                found.package_dirs.append(directory)
            elif (
                suffix(name) in TEMPLATE_SUFFIXES
                and name not in _NOT_TEMPLATES
                and _is_template(path := directory / name, root, reader, found.problems)
            ):
                found.templates.append(path)
    return found


def _is_template(path: Path, root: Path, reader: Reader, problems: list[ScanProblem]) -> bool:
    """Does the file declare a Lambda function? FIFOs, devices and links out of PATH are reported."""
    try:
        text = reader.read_text(path, CONFIG_LIMIT)
        return any(marker in text for marker in TEMPLATE_MARKERS)
    except Unreadable as exc:
        if exc.cause in ("outside", "special"):
            problems.append(ScanProblem(shown(path, root), None, None, exc.reason))
        return False
