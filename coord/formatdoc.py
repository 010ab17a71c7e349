"""Keep the field tables of docs/format.md in step with the schema in coord/model.py.

`make docs` rewrites each table between `<!-- fields: NAME -->` and
`<!-- end fields -->`; the test suite fails when a table is out of date, so the
format reference always lists exactly the fields the loader accepts.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from coord import kinds as k
from coord import model as m
from coord.load import FILES, REPORTS

BLOCK = re.compile(r"(<!-- fields: (?P<name>[^ ]+) -->\n)(?P<body>.*?)(<!-- end fields -->)", re.S)


def documented_files() -> dict[str, type]:
    """Each documented file name and the class its entries load into."""
    names = {spec.name: spec.cls for spec in FILES}
    names[f"{REPORTS}/day-NN.yaml"] = m.DayReport
    return names


def field_rows(cls: type, prefix: str = "") -> list[tuple[str, str, bool, str]]:
    """(dotted field path, kind, required, doc) for every field of `cls`, nested records included."""
    rows = []
    for key, _attr, meta in m.schema_fields(cls):
        kind = meta["kind"]
        path = prefix + key
        inner = kind.item if isinstance(kind, k.ListOf) else kind
        if isinstance(inner, k.Record):
            label = "list of mappings" if isinstance(kind, k.ListOf) else inner.label
            rows.append((path, label, meta["required"], meta["doc"]))
            rows += field_rows(inner.cls, path + ("[]." if isinstance(kind, k.ListOf) else "."))
        else:
            rows.append((path, kind.label, meta["required"], meta["doc"]))
    return rows


def table(cls: type) -> str:
    lines = ["| field | kind | required | meaning |", "|---|---|---|---|"]
    for path, label, required, doc in field_rows(cls):
        lines.append(f"| `{path}` | {label} | {'yes' if required else ''} | {doc.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


def update(text: str) -> str:
    """The document with every field table regenerated; unknown block names are an error."""
    files = documented_files()

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in files:
            raise SystemExit(f"docs/format.md names an unknown file in a fields block: {name}")
        return match[1] + table(files[name]) + match[4]

    return BLOCK.sub(replace, text)


def main(argv: list[str]) -> None:
    path = Path(argv[0])
    text = path.read_text(encoding="utf-8")
    path.write_text(update(text), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
