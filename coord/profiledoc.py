"""Keep docs/working-time.md and the profile list of docs/format.md in step with the profiles coord ships.

`make docs` rewrites each block between `<!-- profile: NAME -->` and `<!-- end profile -->`
from coord/profiles/NAME.yaml (every number beside its source), and the list between
`<!-- profiles -->` and `<!-- end profiles -->`; the test suite fails when one is out of date.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from coord import kinds as k
from coord import model as m
from coord.values import hours
from coord.worktime import DEFAULT, shipped

BLOCK = re.compile(r"(<!-- profile: (?P<name>[^ ]+) -->\n)(?P<body>.*?)(<!-- end profile -->)", re.S)
LIST = re.compile(r"(<!-- profiles -->\n)(?P<body>.*?)(<!-- end profiles -->)", re.S)
ABOUT = ("source", "note", "second_hand", "severity")
#: Fields that name a surcharge or a minors' band in the rule column rather than among its numbers.
NAMING = ("kind", "from_age", "to_age")


def value(kind: k.Kind, data: Any) -> str:
    """A number as the docs print it: 11:00 h, 22:00, yes, 25, 35, 50."""
    if isinstance(kind, k.ListOf):
        return ", ".join(value(kind.item, item) for item in data)
    if isinstance(kind, k.Hours):
        return f"{hours(data)} h"
    if isinstance(kind, k.Boolean):
        return "yes" if data else "no"
    return str(data)


def numbers(group: m.Entry) -> list[tuple[str, str]]:
    """(field, value) of each number a group of a profile file writes."""
    rows = []
    for key, attr, meta in m.schema_fields(type(group)):
        if attr in ABOUT or attr in NAMING or not group.written(attr):
            continue
        data = getattr(group, attr)
        if isinstance(meta["kind"], k.ListOf) and isinstance(meta["kind"].item, k.Record):
            data = "; ".join(", ".join(f"{n} {v}" for n, v in numbers(item)) for item in data)
            rows.append((key, data))
        else:
            rows.append((key, value(meta["kind"], data)))
    return rows


def groups(profile: m.WorkingTimeProfile) -> list[tuple[str, m.Rule]]:
    """Each group of numbers of a profile, with the name a reader knows it by."""
    found: list[tuple[str, m.Rule]] = []
    for key, attr, _meta in m.schema_fields(m.WorkingTimeProfile):
        group = getattr(profile, attr)
        if isinstance(group, m.Rule):
            found.append((key, group))
    found += [(f"surcharge: {s.kind}", s) for s in profile.surcharges]
    found += [(f"minors from {b.from_age} to {b.to_age}", b) for b in profile.minors]
    return found


def table(profile: m.WorkingTimeProfile) -> str:
    """The numbers a shipped profile file gives (those it is based on are in that profile's table), with their sources."""
    lines = [f"*{profile.title}*", ""]
    if profile.based_on:
        lines += [f"Based on `{profile.based_on}`: what this table does not give comes from there.", ""]
    lines += ["| rule | numbers | source |", "|---|---|---|"]
    notes = []
    for name, group in groups(profile):
        given = "; ".join(f"`{key}` {data}" for key, data in numbers(group))
        source = (group.source or "") + (" (second-hand)" if group.second_hand else "")
        if group.severity != "error":
            source += f"; a reported breach is a {group.severity}"
        lines.append(f"| {name} | {given} | {source} |")
        if group.note:
            notes.append(f"- {name}: {group.note}")
    return "\n".join([*lines, "", *notes]) + "\n"


def profile_list() -> str:
    return "".join(f"- `{p.name}`: {p.title}.\n" for name, p in sorted(shipped().items()) if name != DEFAULT)


def update(text: str) -> str:
    """The document with every profile block and the profile list regenerated; an unknown profile name is an error."""
    profiles = shipped()

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in profiles:
            raise SystemExit(f"a profile block names a profile coord does not ship: {name}")
        return match[1] + table(profiles[name]) + match[4]

    text = BLOCK.sub(replace, text)
    return LIST.sub(lambda match: match[1] + profile_list() + match[3], text)


def main(argv: list[str]) -> None:
    for name in argv:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        path.write_text(update(text), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
