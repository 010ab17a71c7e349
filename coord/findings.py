"""Where a value came from and what is wrong with it: the findings of loading and checking a production."""

from __future__ import annotations

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
