"""Where a value came from and what is wrong with it: the findings of loading and checking a production."""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, order=True)
class Pos:
    """A place in a production file: path relative to the production folder, 1-based line and column."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One mistake (error) or doubt (warning) found in a production's files."""

    pos: Pos
    level: str
    message: str
    hint: str = ""
    check: str = field(default="load", compare=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.pos.file,
            "line": self.pos.line,
            "column": self.pos.col,
            "level": self.level,
            "message": self.message,
            "hint": self.hint,
            "check": self.check,
        }


class Findings(list[Finding]):
    """A growing list of findings, so every stage can report all it sees in one pass."""

    def error(self, pos: Pos, message: str, hint: str = "", check: str = "load") -> None:
        self.append(Finding(pos, ERROR, message, hint, check))

    def warning(self, pos: Pos, message: str, hint: str = "", check: str = "load") -> None:
        self.append(Finding(pos, WARNING, message, hint, check))

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self if f.level == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self if f.level == WARNING]


def as_text(findings: list[Finding], folder: str) -> str:
    """Findings grouped by file, each with its hint, then a count: for a person at a terminal."""
    lines: list[str] = []
    current = None
    for finding in findings:
        if finding.pos.file != current:
            if current is not None:
                lines.append("")
            current = finding.pos.file
            lines.append(current)
        lines.append(f"  {finding.pos}: {finding.level}: {finding.message}")
        if finding.hint:
            lines.append(f"      hint: {finding.hint}")
    if not findings:
        return f"{folder}: no problems found"
    errors = sum(f.level == ERROR for f in findings)
    return "\n".join([*lines, "", f"{folder}: {_count(errors, 'error')}, {_count(len(findings) - errors, 'warning')}"])


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _in_repository(folder: object, file: str) -> str:
    """The file's path as CI systems name it: from where the command runs, the production folder in front."""
    return posixpath.normpath(posixpath.join(str(folder).replace("\\", "/"), file))


def _github_escape(text: str, in_property: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def as_github(findings: list[Finding], folder: object) -> str:
    """GitHub Actions workflow commands (::error file=...,line=...::), which mark each finding at its file and line."""
    lines = []
    for finding in findings:
        place = [f"file={_github_escape(_in_repository(folder, finding.pos.file), True)}"]
        if finding.pos.line:
            place += [f"line={finding.pos.line}", f"col={finding.pos.col}"]
        place.append(f"title={_github_escape('coord ' + finding.check, True)}")
        message = finding.message + (f"\nhint: {finding.hint}" if finding.hint else "")
        lines.append(f"::{finding.level} {','.join(place)}::{_github_escape(message)}")
    errors = sum(f.level == ERROR for f in findings)
    lines.append(f"{folder}: {_count(errors, 'error')}, {_count(len(findings) - errors, 'warning')}")
    return "\n".join(lines)


def as_codequality(findings: list[Finding], folder: object) -> list[dict[str, object]]:
    """GitLab's code quality report, which shows each finding at its file and line in a merge request."""
    report: list[dict[str, object]] = []
    for finding in findings:
        path = _in_repository(folder, finding.pos.file)
        identity = f"{path}:{finding.pos.line}:{finding.check}:{finding.message}"
        report.append(
            {
                "description": finding.message + (f" (hint: {finding.hint})" if finding.hint else ""),
                "check_name": finding.check,
                "fingerprint": hashlib.sha256(identity.encode()).hexdigest(),
                "severity": "major" if finding.level == ERROR else "minor",
                "location": {"path": path, "lines": {"begin": finding.pos.line or 1}},
            }
        )
    return report
