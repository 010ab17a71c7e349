"""A value that failed to load is reported once, where it is written: no check reports on it again, none prints None."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLE

from coord.checks import CheckOptions, validate
from coord.documents import registry
from coord.load import input_of


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
        ("extras.yaml", 15, "  agreement: {signed: 2027-02-19}", "  agreement: {signed: yesterday}", None),
        ("reports/day-01.yaml", 137, '    up_to: "0:30"', "    up_to: abc", None),
        (
            "production.yaml",
            61,
            "  - crew: jens-oltmanns      # Production Manager",
            "  - crew: [jens-oltmanns]",
            "crew: expected crew id, found a list",
        ),
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


def _fields(root: Path) -> list[tuple[str, tuple[str, ...], int, int, bool]]:
    """Every field of the production's files, once per place in its file's structure (the first entry of a list
    stands for the others): file, path, where its value is written, and whether it is a single value."""
    found: dict[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...], int, int, bool]] = {}

    def walk(rel: str, node: yaml.Node, path: tuple[str, ...]) -> None:
        if path:
            found.setdefault(
                (input_of(rel), path), (rel, path, node.start_mark.index, node.end_mark.index, isinstance(node, yaml.ScalarNode))
            )
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(rel, value, (*path, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for value in node.value:
                walk(rel, value, (*path, "-"))

    for file in sorted(root.rglob("*.yaml")):
        rel = file.relative_to(root).as_posix()
        walk(rel, yaml.compose(file.read_text(encoding="utf-8")), ())
    return list(found.values())


@pytest.mark.parametrize(
    ("rel", "path", "start", "end", "single"), _fields(EXAMPLE), ids=lambda v: v if isinstance(v, str) else None
)
def test_a_value_of_the_wrong_type_in_any_field_is_a_finding_never_a_crash(
    example_copy: Path, rel: str, path: tuple[str, ...], start: int, end: int, single: bool
) -> None:
    """A list where one value belongs, or one value where a list or a record belongs, in every field of the
    example: validate reports it in that file (the value loads as missing, and no check trips over that)."""
    file = example_copy / rel
    text = file.read_text(encoding="utf-8")
    file.write_text(text[:start] + ("[wrong, type]" if single else "wrong") + text[end:], encoding="utf-8")
    _, findings = validate(example_copy, CheckOptions(today=dt.date(2027, 3, 3), documents=frozenset(registry())))
    assert any(f.pos.file == rel for f in findings), f"{rel} {'.'.join(path)}: nothing reported"
