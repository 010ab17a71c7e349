"""A value that failed to load is reported once, where it is written: no check reports on it again, none prints None."""

from __future__ import annotations

from pathlib import Path

import pytest

from coord.checks import validate


@pytest.mark.parametrize(
    ("name", "line", "old", "new", "message"),
    [
        (
            "transport.yaml",
            35,
            '    time: "06:10"',
            '    time: "6:1"',
            'time: "6:1" is not a time; write it as HH:MM, e.g. "06:30"',
        ),
        ("transport.yaml", 35, '    time: "06:10"', '    time: "48:00"', None),
        ("transport.yaml", 37, "    from: home", "    from: [home]", "from: expected text, found a list"),
        ("transport.yaml", 172, "    person: ingrid-solberg", "    person: [ingrid-solberg]", None),
        ("scenes.yaml", 7, '- number: "1"', '- number: ["1"]', "number: expected scene number, found a list"),
        ("schedule.yaml", 53, "      count: 6", "      count: six", None),
    ],
)
def test_an_invalid_value_gets_one_finding_and_no_follow_on(
    example_copy: Path, name: str, line: int, old: str, new: str, message: str | None
) -> None:
    path = example_copy / name
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[line - 1] == old
    lines[line - 1] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    findings = validate(example_copy)[1]
    assert [(str(f.pos), f.message) for f in findings if "None" in f.message or "None" in f.hint] == []
    here = [(f.check, f.message) for f in findings if (f.pos.file, f.pos.line) == (name, line)]
    assert len(here) == 1 and here[0][0] == "load", here
    assert message is None or here[0][1] == message
