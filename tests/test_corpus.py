"""The bad-input corpus: each folder in tests/corpus breaks the minimal production with one realistic mistake.

A case folder holds only the files that differ from tests/fixtures/minimal (each a full
replacement), an optional `DELETE` listing files to remove, and `expected.txt`: the
findings `coord validate` must print, one per line as `file:line:col: level: message`,
each optionally followed by a `hint: ...` line for the hint of the finding above it.
Error findings must match exactly; warnings are compared only when expected.txt lists any.
Blank lines and lines starting with # are ignored.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from coord.checks import validate
from coord.cli import main
from coord.findings import Finding

TESTS = Path(__file__).parent
CORPUS = TESTS / "corpus"
MINIMAL = TESTS / "fixtures" / "minimal"
SPECIAL = ("expected.txt", "DELETE")
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
#: Every case, alias bombs included, must be checked in well under this many seconds.
MAX_SECONDS = 5.0


@dataclass
class Expected:
    errors: set[str] = field(default_factory=set)
    warnings: set[str] = field(default_factory=set)
    hints: list[tuple[str, str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def parse_expected(case: Path) -> Expected:
    expected = Expected()
    previous = None
    for raw in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        expected.lines.append(line)
        if line.startswith("hint: "):
            assert previous is not None, f"{case.name}: a hint line must follow a finding line"
            expected.hints.append((previous, line.removeprefix("hint: ")))
            continue
        if ": error: " in line:
            expected.errors.add(line)
        elif ": warning: " in line:
            expected.warnings.add(line)
        else:
            raise AssertionError(f"{case.name}: expected.txt line is neither a finding nor a hint: {line!r}")
        previous = line
    assert expected.errors or expected.warnings, f"{case.name}: expected.txt lists no finding"
    return expected


def build(name: str, tmp_path: Path) -> Path:
    """The minimal production with the case's files laid over it and its DELETE list removed."""
    case = CORPUS / name
    target = tmp_path / name
    shutil.copytree(MINIMAL, target)
    for source in sorted(case.rglob("*")):
        relative = source.relative_to(case)
        if source.is_file() and relative.as_posix() not in SPECIAL:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / relative)
    delete = case / "DELETE"
    if delete.exists():
        for entry in delete.read_text(encoding="utf-8").split():
            doomed = target / entry
            assert doomed.exists(), f"{name}: DELETE names {entry}, which is not in the production"
            if doomed.is_dir():
                shutil.rmtree(doomed)
            else:
                doomed.unlink()
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def formatted(finding: Finding) -> str:
    return f"{finding.pos}: {finding.level}: {finding.message}"


def test_corpus_has_at_least_30_cases() -> None:
    assert len(CASES) >= 30


def test_every_case_has_expected_findings_and_only_known_files() -> None:
    minimal = {p.name for p in MINIMAL.iterdir()}
    for name in CASES:
        case = CORPUS / name
        assert (case / "expected.txt").is_file(), f"{name} has no expected.txt"
        parse_expected(case)
        changed = [p for p in case.iterdir() if p.name not in SPECIAL]
        assert changed or (case / "DELETE").exists(), f"{name} changes nothing"
        for path in changed:
            if path.name in minimal:
                assert path.read_bytes() != (MINIMAL / path.name).read_bytes(), (
                    f"{name}/{path.name} is identical to the minimal file"
                )


@pytest.mark.parametrize("name", CASES)
def test_findings(name: str, tmp_path: Path) -> None:
    expected = parse_expected(CORPUS / name)
    folder = build(name, tmp_path)
    before = snapshot(folder)

    started = time.monotonic()
    _production, findings = validate(folder)
    elapsed = time.monotonic() - started

    assert snapshot(folder) == before, "validate must never modify the production's files"
    assert elapsed < MAX_SECONDS, f"validate took {elapsed:.1f} s"
    assert {formatted(f) for f in findings.errors} == expected.errors
    if expected.warnings:
        assert {formatted(f) for f in findings.warnings} == expected.warnings
    for line, hint in expected.hints:
        hints = [f.hint for f in findings if formatted(f) == line]
        assert hint in hints, f"hint of {line!r}"


@pytest.mark.parametrize("name", CASES)
def test_cli(name: str, tmp_path: Path) -> None:
    expected = parse_expected(CORPUS / name)
    folder = build(name, tmp_path)
    before = snapshot(folder)
    # A case that expects only warnings fails the command in --strict mode.
    strict = [] if expected.errors else ["--strict"]

    result = CliRunner().invoke(main, ["validate", *strict, str(folder)])

    assert isinstance(result.exception, SystemExit), f"{name}: {result.exception!r}\n{result.output}"
    assert result.exit_code == 1, result.output
    missing = [line for line in expected.lines if line not in result.output]
    assert not missing, f"not in the output:\n{result.output}"
    assert snapshot(folder) == before, "coord validate must never modify the production's files"
