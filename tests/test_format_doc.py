"""docs/format.md lists exactly the fields the loader accepts."""

from __future__ import annotations

import re

from conftest import REPO

from coord import model as m
from coord.formatdoc import documented_files, field_rows, update

FORMAT_MD = REPO / "docs" / "format.md"


def test_field_tables_are_up_to_date() -> None:
    text = FORMAT_MD.read_text(encoding="utf-8")
    assert update(text) == text, "docs/format.md is out of date with coord/model.py: run `make docs`"


def test_every_file_has_a_table() -> None:
    text = FORMAT_MD.read_text(encoding="utf-8")
    named = set(re.findall(r"<!-- fields: (\S+) -->", text))
    assert named == set(documented_files())


def test_every_documented_field_is_in_the_tables() -> None:
    text = FORMAT_MD.read_text(encoding="utf-8")
    for cls in documented_files().values():
        for path, _kind, _required, doc in field_rows(cls):
            assert f"| `{path}` |" in text
            assert doc, f"{cls.__name__}.{path} has no documentation"


def test_nested_fields_are_listed_with_their_path() -> None:
    paths = [row[0] for row in field_rows(m.ShootDay)]
    assert "cast_calls[].pickup" in paths
    assert "weather.high" in paths
    assert [row[0] for row in field_rows(m.Transport)].count("pickups[].from") == 1
