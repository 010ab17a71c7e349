"""The checks `coord validate` runs on a loaded production: a registry of small named functions, one module per area.

A check reads the model and reports what a crew would otherwise find on set. It
is registered with `@check(name, reads=...)`, naming the inputs (coord.load.INPUTS)
it reads, so that a document build runs only the checks its own inputs need.
Checks receive the run's options (`--today`, the working-time profile, strictness)
through their Reporter.

What belongs here: rules about the data. Checks import the model, the plan
questions (coord.plan) and rule data (coord.worktime); they never import documents,
rendering or the CLI, and only the CLI, the build and tests import them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from coord import model as m
from coord.errors import CoordError
from coord.findings import Finding, Findings, Pos
from coord.load import INPUTS, input_of, load_folder
from coord.sources import Source


@dataclass(frozen=True)
class CheckOptions:
    """What a run of the checks may be told: the date to judge deadlines by, the working-time profile, strictness.

    `inputs`: run only the checks that read one of these inputs (a document's own); None runs all.
    `documents`: the names of the documents coord makes, which distribution.yaml may name (the registry in
    coord.documents knows them, and the checks may not import it); None leaves those names unchecked.
    """

    today: dt.date | None = None
    profile: str | None = None
    strict: bool = False
    inputs: frozenset[str] | None = None
    documents: frozenset[str] | None = None


#: The default: every check, no date or profile given.
EVERYTHING = CheckOptions()


@dataclass(frozen=True)
class Reporter:
    """What a check writes to: the shared findings, tagged with the check's name, and the run's options."""

    findings: Findings
    name: str
    options: CheckOptions = EVERYTHING

    def error(self, pos: Pos, message: str, hint: str = "") -> None:
        self.findings.error(pos, message, hint, self.name)

    def warning(self, pos: Pos, message: str, hint: str = "") -> None:
        self.findings.warning(pos, message, hint, self.name)


CheckFunction = Callable[[m.ProductionFolder, Reporter], None]


@dataclass(frozen=True)
class Check:
    """A registered check; `blocks`: its errors stop documents being made (not so for breaches of working-time rules,
    which the documents themselves report)."""

    name: str
    reads: frozenset[str]
    function: CheckFunction
    blocks: bool = True


CHECKS: dict[str, Check] = {}


def check(name: str, reads: Collection[str], blocks: bool = True) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check under `name` (shown in JSON output, so keep names stable) reading the inputs `reads`."""
    unknown = set(reads) - set(INPUTS)
    if unknown:  # pragma: no cover - a programming mistake, caught by the first test run
        raise ValueError(f"check {name} reads unknown inputs {sorted(unknown)}")

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[name] = Check(name, frozenset(reads), function, blocks)
        return function

    return register


def blocks_documents(finding: Finding) -> bool:
    """Whether an error stops a document: every error but those of checks registered with blocks=False."""
    entry = CHECKS.get(finding.check)
    return entry is None or entry.blocks


def run_checks(folder: m.ProductionFolder, options: CheckOptions = EVERYTHING, loaded: Findings | None = None) -> Findings:
    """Run the registered checks (those reading one of `options.inputs`, or all) on a loaded production.

    `loaded`: what loading found. A value that failed to load is left empty, and a check may not get past
    it; then, rather than a crash, the check says so at the first load error of a file it reads (or else
    the first of all), so that the user fixes that first. Without such an error, a failing check is a bug in coord and is raised.
    """
    findings = Findings()
    unfinished: dict[Finding, list[str]] = {}
    for entry in CHECKS.values():
        if options.inputs is None or entry.reads & options.inputs:
            try:
                entry.function(folder, Reporter(findings, entry.name, options))
            except CoordError:
                raise
            except Exception:
                errors = loaded.errors if loaded else []
                if not errors:
                    raise
                cause = next((f for f in errors if input_of(f.pos.file) in entry.reads), errors[0])
                unfinished.setdefault(cause, []).append(entry.name)
    for cause, names in unfinished.items():
        findings.error(
            cause.pos,
            f"coord could not finish checking ({', '.join(names)}) because of this error",
            "fix this error, then run coord validate again for the rest",
            names[0],
        )
    return findings


def validate(source: Path | Source, options: CheckOptions = EVERYTHING) -> tuple[m.ProductionFolder | None, Findings]:
    """Load the folder and run the checks on what loaded; every finding in file and line order."""
    folder, findings = load_folder(source)
    if folder is not None:
        findings.extend(run_checks(folder, options, findings))
    findings.sort(key=lambda f: (f.pos.file, f.pos.line, f.pos.col))
    return folder, findings


# The areas, in the order their findings are listed when two fall on the same place.
from coord.checks import ids, schedule, transport, people, interns_extras, locations, hotels, orders, worktime, distribution  # noqa: E402, F401, I001
